#!/usr/bin/env python3
"""PyTorch's side of `npm run bench:conv-floor`: one 7x7 convolution of SegNet-Basic (64 -> 64
channels, same padding), its forward pass and its filter gradient, timed on the CPU at one
thread. Prints one JSON object: {"<N>x<H>x<W>": {"forward": ms, "filterGradient": ms}}, each
the median of --reps runs after one warm-up."""
import argparse
import json
import time

import torch
import torch.nn.functional as F


def median_ms(f, reps):
    times = []
    for r in range(reps + 1):
        t0 = time.perf_counter()
        f()
        if r:
            times.append((time.perf_counter() - t0) * 1000)
    return sorted(times)[len(times) // 2]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shapes", default="2x96x128", help="comma list of NxHxW")
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    out = {}
    for shape in a.shapes.split(","):
        n, h, w = (int(v) for v in shape.split("x"))
        x = torch.randn(n, 64, h, w)
        weight = torch.randn(64, 64, 7, 7)
        with torch.no_grad():
            forward = median_ms(lambda: F.conv2d(x, weight, padding=3), a.reps)
        wg = weight.clone().requires_grad_(True)
        dy = torch.randn(n, 64, h, w)
        times = []
        for r in range(a.reps + 1):
            wg.grad = None
            y = F.conv2d(x, wg, padding=3)  # untimed; x needs no gradient, so backward computes the filter's only
            t0 = time.perf_counter()
            y.backward(dy)
            if r:
                times.append((time.perf_counter() - t0) * 1000)
        out[shape] = {"forward": forward, "filterGradient": sorted(times)[len(times) // 2]}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
