#!/usr/bin/env python3
"""Compares two factory checkpoints (.pt) and prints JSON: which entries are not bit-identical
(weights, batch-norm statistics, optimizer state, progress), the largest relative difference of
the model's tensors (||a - b|| / ||a|| over all of them), and whether the progress is equal.
The tests use it to check that a resumed run continues an uninterrupted one."""

import json
import sys

import torch


def flatten(prefix, value, out):
    if isinstance(value, torch.Tensor):
        out[prefix] = value
    elif isinstance(value, dict):
        for k, v in value.items():
            flatten(f"{prefix}/{k}", v, out)
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            flatten(f"{prefix}/{i}", v, out)
    else:
        out[prefix] = value


def main(a, b):
    x, y = {}, {}
    for path, out in ((a, x), (b, y)):
        st = torch.load(path, map_location="cpu")
        flatten("model", st["model"], out)
        flatten("optimizer", st["optimizer"]["state"], out)
        # wall time differs, and the best val mIoU is a float computed from weights equal to rounding
        flatten("progress", {k: v for k, v in st["progress"].items() if k not in ("seconds", "best")}, out)
    differ = sorted(k for k in set(x) | set(y)
                    if k not in x or k not in y
                    or (torch.is_tensor(x[k]) and not torch.equal(x[k], y[k]))
                    or (not torch.is_tensor(x[k]) and x[k] != y[k]))
    tensors = [k for k in x if k.startswith("model/") and torch.is_tensor(x[k]) and x[k].is_floating_point()
               and torch.is_tensor(y.get(k)) and y[k].shape == x[k].shape]
    num = sum(float((x[k].double() - y[k].double()).pow(2).sum()) for k in tensors)
    den = sum(float(x[k].double().pow(2).sum()) for k in tensors)
    same_progress = all(x[k] == y.get(k) for k in x if k.startswith("progress/"))
    print(json.dumps({"compared": len(x), "differ": differ[:20], "relativeModelDifference": (num / max(den, 1e-30)) ** 0.5,
                      "sameProgress": same_progress, "step": x.get("progress/step")}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
