#!/usr/bin/env python3
"""Writes a model card (MODEL_CARD.md) for an exported factory model from what the run
recorded (run.json, log.jsonl, the checkpoint's progress) and what the TF.js engine measured
(`npm run eval -- --json` of each split). Nothing in it is typed by hand except --notes.

    npm run eval -- --checkpoint public/models/NAME --split test --json > /tmp/test.json
    npm run eval -- --checkpoint public/models/NAME --split val --json > /tmp/val.json
    python3 factory/card.py --run ~/.cache/unpooled/runs/RUN --model public/models/NAME \
        --eval /tmp/val.json /tmp/test.json [--plan factory/plans/camvid.json] [--notes limits.md]
"""

import argparse
import json
import os
import shlex
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

DECODER_TEXT = {
    "segnet": "index unpooling with the encoder's max-pooling indices, then the mirrored convolutions + BN",
    "deconvnet": "index unpooling, then learnt stride-1 transposed convolutions + BN + ReLU (without DeconvNet's fully connected bottleneck)",
    "fcn": "1x1 class scores per encoder stage, learnt 2x transposed convolutions (bilinear start), skip additions",
    "deeplab-largefov": "the last two encoder stages unpooled and dilated, fc6 3x3 atrous (rate 12), fc7, fc8, bilinear upsampling",
    "bilinear": "fixed bilinear 2x upsampling, then a depthwise k x k convolution + BN per stage",
}


def pct(v):
    """A fraction of `npm run eval -- --json` (in [0, 1], null where undefined) as a percentage."""
    return "n/a" if v is None else f"{v * 100:.1f}"


def data_source(data, plan):
    """Where a run's dataset comes from: the plan's prepare command that writes it, else the importer."""
    if plan:
        with open(plan, encoding="utf8") as f:
            for step in json.load(f).get("prepare", []):
                if step["creates"].split("/")[-2] == data:
                    cmd = " ".join(c.replace("{data}", "~/.cache/unpooled/data") if "{data}" in c else shlex.quote(c) for c in step["command"])
                    return f"made by the plan's prepare step, `{cmd}`"
    return "`npm run data:camvid` from CamVid" if data.startswith("camvid") else "`npm run data:synthetic`"


def read_jsonl(path):
    with open(path, encoding="utf8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--run", required=True)
    p.add_argument("--model", required=True, help="the exported checkpoint folder")
    p.add_argument("--eval", nargs="+", required=True, help="`npm run eval -- --json` outputs, one per split")
    p.add_argument("--plan", help="the queue plan the run belongs to (its command is given)")
    p.add_argument("--notes", help="a Markdown file appended as the card's Limits section")
    a = p.parse_args(argv)
    run_dir = os.path.abspath(os.path.expanduser(a.run))
    with open(os.path.join(a.model, "model.json"), encoding="utf8") as f:
        meta = json.load(f)["modelTopology"]
    with open(os.path.join(run_dir, "run.json"), encoding="utf8") as f:
        info = json.load(f)
    log = read_jsonl(os.path.join(run_dir, "log.jsonl"))
    evals = []
    for path in a.eval:
        with open(path, encoding="utf8") as f:
            evals.append(json.load(f))
    cfg, fx = meta["config"], meta["extra"]["factory"]
    run = fx["run"]
    name = os.path.basename(os.path.normpath(a.model))
    size = f"{cfg['height']}x{cfg['width']}"
    data = meta["extra"]["data"]
    enc = "SegNet-Basic encoder (4 x [7x7 conv, 64 -> BN -> ReLU -> 2x2 max-pool with indices])" if cfg["encoder"] == "basic" \
        else f"VGG16 encoder at width x{cfg['widthMultiplier']} (13 conv -> BN -> ReLU, 5 pools with indices)"
    weights_bytes = os.path.getsize(os.path.join(a.model, "weights.bin"))
    vals = [e for e in log if e["event"] == "val"]
    threads = info.get("threads", 1)
    hours = fx["trainSeconds"] / 3600
    lines = [
        f"# {cfg['encoder']} encoder, {cfg['decoder']} decoder, {data}",
        "",
        f"Weights of our own training run, trained by the PyTorch factory (`factory/`) and exported to the",
        "engine's checkpoint format; every score below is computed by the TF.js engine (`npm run eval`) on",
        "the exported float16 weights. No image, label or file derived from the training data is in this",
        "folder.",
        "",
        "| | |",
        "| --- | --- |",
        f"| Model | {enc}; decoder: {DECODER_TEXT[cfg['decoder']]}; 11 classes, label 11 is void |",
        f"| Parameters | {info['params']:,} learnt |",
        f"| Input | {size} RGB in [0, 1] |",
        f"| Files | `model.json` (checkpoint metadata, `weightsManifest`), `weights.bin` ({weights_bytes / 1e6:.1f} MB, float16)"
        + (f"; the decoder's weights only: the encoder's are read from `{meta['encoderFrom']}` (`encoderFrom`), which must sit beside this folder |"
           if meta.get("encoderFrom") else " |"),
        f"| Load in the page | `loadSegNet(tf.io.http('/models/{name}/model.json'))` |",
        f"| Load in Node | `loadSegNet(checkpointFolder('public/models/{name}'))` |",
        "",
        "## Training",
        "",
        f"- Data: `{data}` ({data_source(data, a.plan)}; train split, val for the schedule).",
        f"- {fx['epochs']} epoch{'' if fx['epochs'] == 1 else 's'}, {meta['progress']['step']} steps of batch {run['batch']}, "
        f"{'AdamW (weight decay 1e-4)' if run['optimizer'] == 'adam' else 'SGD, momentum 0.9, weight decay 5e-4'}, "
        f"learning rate {run['lr']:g}, schedule `{run['schedule']}`"
        + (f" (x0.3 after {run['patience']} epochs without a better val mIoU)" if run["schedule"] == "plateau" else "") + ".",
        f"- Loss: weighted cross-entropy, `{run['weights']}` class weights; void ignored. Seed {run['seed']}. "
        + ("Augmentation: flips, 1-1.25x zoom crops, brightness/contrast +-10%." if run["augment"] else "No augmentation."),
    ]
    if run.get("freezeEncoder"):
        lines.append(f"- Encoder frozen (eval mode), taken from `{os.path.basename(os.path.dirname(run['init']))}`; only the decoder trained.")
    lines += [
        f"- PyTorch {fx['torch']} on {threads} CPU thread{'s' if threads != 1 else ''}: {hours:.1f} h of training steps "
        f"({hours * threads:.1f} CPU hours), checkpoint `{fx['checkpoint']}` (best val mIoU in PyTorch: {fx['bestValMIoU']:.1f}).",
        "",
        "Reproduce:",
        "",
        "```sh",
    ]
    if a.plan:
        lines.append(f"python3 factory/queue.py --plan {a.plan} --threads 2        # run '{os.path.basename(run_dir)}' of the plan")
    elif fx.get("command"):
        lines.append("python3 " + " ".join(shlex.quote(c) for c in fx["command"]))
    base = meta.get("encoderFrom")
    lines += [f"python3 factory/export.py --run ~/.cache/unpooled/runs/{os.path.basename(run_dir)} --out public/models/{name}"
              + (f" --encoder-from public/models/{base.split('/')[1]}" if base else "")]
    for e in evals:
        lines.append(f"npm run eval -- --checkpoint public/models/{name} --split {e['split']}")
    lines += ["```", "", "## Results (TF.js engine, float16 weights)", "",
              "| split | G | C | mIoU | BF |", "| --- | --- | --- | --- | --- |"]
    for e in evals:
        lines.append(f"| {e['split']} ({e['images']} images) | {pct(e['globalAccuracy'])} | {pct(e['classAverageAccuracy'])} | "
                     f"{pct(e['meanIoU'])} | {pct(e['boundaryF1'])} |")
    if data.startswith("camvid"):
        lines += ["", "The paper's figures for comparison (CamVid test at 360x480) are kept once, in "
                  "`src/data/paper-results.ts`; chapter 7 shows them beside ours."]
    test = next((e for e in evals if e["split"] == "test"), evals[-1])
    lines += ["", f"Per-class IoU on {test['split']} (%):", "",
              "| " + " | ".join(c["name"] for c in test["classes"]) + " |",
              "| " + " | ".join("---" for _ in test["classes"]) + " |",
              "| " + " | ".join(pct(c["iou"]) for c in test["classes"]) + " |", ""]
    if vals:
        lines += ["Validation after each epoch (PyTorch, for the schedule), mIoU: "
                  + ", ".join(f"{v['mIoU']:.1f}" for v in vals) + ".", ""]
    if a.notes:
        with open(a.notes, encoding="utf8") as f:
            lines += ["## Limits", "", f.read().strip(), ""]
    with open(os.path.join(a.model, "MODEL_CARD.md"), "w", encoding="utf8") as f:
        f.write("\n".join(lines))
    print(f"card: wrote {os.path.join(a.model, 'MODEL_CARD.md')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
