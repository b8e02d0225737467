#!/usr/bin/env python3
"""Exports a factory run to the engine's checkpoint format: a folder with model.json
(modelTopology = the engine's CheckpointMeta, format 'unpooled-segnet' v1) and weights.bin,
every variable under its TF.js name and in TF.js layout, float16 by default (TF.js decodes
quantization { dtype: 'float16' } itself). `npm run eval`, the studio and the widgets load it
as they load any checkpoint of ours.

    python3 factory/export.py --run ~/.cache/unpooled/runs/basic-camvid --out public/models/segnet-basic-camvid-180x240
"""

import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from nets import export_tensors  # noqa: E402
from train import build  # noqa: E402

FORMAT, VERSION = "unpooled-segnet", 1


def engine_config(run, height, width):
    """The engine's SegNetConfig for a factory run (src/segnet/model/config.ts)."""
    return {"numClasses": 11, "widthMultiplier": run["widthMultiplier"], "basicChannels": run.get("basicChannels", 64),
            "atrousRate": run.get("atrousRate", 12), "seed": run["seed"], "encoder": run["encoder"],
            "decoder": run["decoder"], "height": height, "width": width}


def read_exported(folder):
    """The tensors of an exported checkpoint folder, by name, as float32 numpy arrays (float16 ones widened)."""
    path = os.path.join(folder, "model.json")
    if not os.path.isfile(path):
        raise SystemExit(f"factory export: no model.json in {folder}")
    with open(path, encoding="utf8") as f:
        model_json = json.load(f)
    with open(os.path.join(folder, "weights.bin"), "rb") as f:
        data = f.read()
    out, offset = {}, 0
    for spec in model_json["weightsManifest"][0]["weights"]:
        n = int(np.prod(spec["shape"])) if spec["shape"] else 1
        half = (spec.get("quantization") or {}).get("dtype") == "float16"
        size = n * (2 if half else 4)
        a = np.frombuffer(data[offset:offset + size], dtype="<f2" if half else "<f4").astype("<f4").reshape(spec["shape"])
        out[spec["name"]] = a
        offset += size
    return model_json["modelTopology"], out


def without_encoder(tensors, base_folder, out, float16):
    """This network's tensors less its encoder's, once they are checked to equal the exported
    checkpoint `base_folder`'s encoder (as stored: float16-rounded when float16); and the
    encoderFrom path that names the base, relative to `out`'s model.json."""
    if os.path.abspath(base_folder) == os.path.abspath(out):
        raise SystemExit(f"factory export: --encoder-from {base_folder} is the folder being written; name the encoder's own checkpoint")
    if os.path.dirname(os.path.abspath(base_folder)) != os.path.dirname(os.path.abspath(out)):
        raise SystemExit(f"factory export: --encoder-from {base_folder} must sit beside {out} (the engine reads only ../<folder>/model.json)")
    meta, base = read_exported(base_folder)
    if meta.get("encoderFrom"):
        raise SystemExit(f"factory export: {base_folder} takes its own encoder from elsewhere; name the checkpoint that holds it")
    for name, t in tensors.items():
        if not name.startswith("encoder/"):
            continue
        if name not in base:
            raise SystemExit(f"factory export: {base_folder} has no {name}: not this network's encoder")
        mine = t.numpy().astype("<f4")
        if float16:
            mine = mine.astype("<f2").astype("<f4")
        if mine.shape != base[name].shape or not np.array_equal(mine, base[name]):
            diff = "shape" if mine.shape != base[name].shape else f"max |difference| {np.abs(mine - base[name]).max():.3g}"
            raise SystemExit(f"factory export: {name} differs from {base_folder}'s ({diff}): was the encoder frozen?")
    rel = os.path.relpath(os.path.join(os.path.abspath(base_folder), "model.json"), os.path.abspath(out)).replace(os.sep, "/")
    return {n: t for n, t in tensors.items() if not n.startswith("encoder/")}, rel


def write_checkpoint(net, config, out, progress, extra, float16=True, encoder_from=None):
    """Writes model.json + weights.bin into `out`, replacing it atomically. With `encoder_from`
    (an exported checkpoint folder holding this network's encoder, e.g. the frozen encoder a
    decoder was trained on), only the decoder's tensors are written and model.json names it."""
    tensors = export_tensors(net)
    encoder_path = None
    if encoder_from:
        tensors, encoder_path = without_encoder(tensors, encoder_from, out, float16)
    specs, chunks = [], []
    for name, t in tensors.items():
        a = t.numpy().astype("<f4")
        if not np.isfinite(a).all():
            raise SystemExit(f"factory export: {name} holds a non-finite value; refusing to export")
        spec = {"name": name, "shape": list(a.shape), "dtype": "float32"}
        if float16:
            h = a.astype("<f2")
            if not np.isfinite(h).all():
                raise SystemExit(f"factory export: {name} overflows float16; export with --float32")
            spec["quantization"] = {"dtype": "float16"}
            chunks.append(h.tobytes())
        else:
            chunks.append(a.tobytes())
        specs.append(spec)
    meta = {"format": FORMAT, "version": VERSION, "config": config, "progress": progress, "optimizer": None, "extra": extra}
    if encoder_path:
        meta["encoderFrom"] = encoder_path
    model_json = {"modelTopology": meta, "format": FORMAT, "generatedBy": "unpooled factory", "convertedBy": None,
                  "weightsManifest": [{"paths": ["weights.bin"], "weights": specs}]}
    parent = os.path.dirname(os.path.abspath(out)) or "."
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=f".{os.path.basename(out)}.tmp-", dir=parent)
    try:
        with open(os.path.join(tmp, "weights.bin"), "wb") as f:
            f.write(b"".join(chunks))
        with open(os.path.join(tmp, "model.json"), "w", encoding="utf8") as f:
            f.write(json.dumps(model_json) + "\n")
        # keep a model card that already sits in the folder
        card = os.path.join(out, "MODEL_CARD.md")
        if os.path.isfile(card):
            shutil.copy2(card, tmp)
        if os.path.isdir(out):
            shutil.rmtree(out)
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return sum(len(c) for c in chunks)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--run", required=True, help="factory run folder")
    p.add_argument("--which", default="best", choices=("best", "last"), help="best val mIoU (default) or the last checkpoint")
    p.add_argument("--out", required=True, help="checkpoint folder to write (e.g. public/models/<name>)")
    p.add_argument("--float32", action="store_true", help="store float32 instead of float16")
    p.add_argument("--encoder-from", metavar="DIR", help="an exported checkpoint holding this run's (frozen) encoder: write the decoder only, naming DIR's model.json")
    a = p.parse_args(argv)
    run_dir = os.path.abspath(os.path.expanduser(a.run))
    path = os.path.join(run_dir, f"{a.which}.pt")
    if not os.path.isfile(path):
        raise SystemExit(f"factory export: no {a.which}.pt in {run_dir}")
    state = torch.load(path, map_location="cpu")
    run = state["run"]
    net = build(run)
    net.load_state_dict(state["model"])
    with open(os.path.join(run["data"], "manifest.json"), encoding="utf8") as f:
        manifest = json.load(f)
    prog = state["progress"]
    info = {}
    info_path = os.path.join(run_dir, "run.json")
    if os.path.isfile(info_path):
        with open(info_path, encoding="utf8") as f:
            info = json.load(f)
    weights = {"median": manifest["medianFrequencyWeights"], "tutorial": manifest["tutorialClassWeights"],
               "none": [1.0] * 11}[run["weights"]]
    extra = {
        "data": manifest["name"],
        "classWeights": run["weights"],
        "classWeightValues": weights,
        "factory": {
            "tool": "factory/train.py (PyTorch)",
            "torch": info.get("torch", torch.__version__),
            "run": {**run, "data": manifest["name"]},
            "command": info.get("command"),
            "exportCommand": ["factory/export.py", *sys.argv[1:]],
            "checkpoint": a.which,
            "epochs": prog["epoch"],
            "bestValMIoU": prog.get("best"),
            "trainSeconds": round(prog.get("seconds", 0)),
        },
    }
    progress = {"step": prog["step"], "epoch": prog["epoch"], "batch": prog["batch"]}
    size = write_checkpoint(net, engine_config(run, manifest["height"], manifest["width"]), a.out, progress, extra, not a.float32, a.encoder_from)
    shared = f", encoder from {a.encoder_from}" if a.encoder_from else ""
    print(f"factory export: wrote {a.out} ({size / 1e6:.2f} MB weights, {'float32' if a.float32 else 'float16'}{shared}) from {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
