#!/usr/bin/env python3
"""PyTorch yardstick for the TF.js SegNet benchmark (scripts/bench.ts).

The same networks as src/segnet builds them (factory/nets.py: SegNet-Basic and VGG16-SegNet
with a width multiplier, both with the SegNet unpooling decoder), timed the same way as scripts/bench.ts:
the median of repeated runs after one warm-up, inference on one image at a time (eval-mode
batch norm, logits copied back to the host), and a training step of forward, weighted
pixel-wise cross-entropy, backward and an SGD-with-momentum update (momentum 0.9, weight
decay 5e-4, learning rate 0.01) on a batch of random images and labels.

Its rows carry framework 'pytorch' so that bench/compare.ts can quote TF.js times as a ratio
of these. `--check-params` prints the learnt-parameter counts instead, which must equal
`countParameters` of src/segnet for the same config.

    python3 bench/pytorch_segnet.py --device cpu --models basic,vgg16 --vgg-width 0.25 \
        --sizes 96x128 --batch 8 --reps 5 --train-reps 3 --threads 1 --json
"""

import argparse
import datetime
import json
import math
import os
import statistics
import sys
import time

try:
    import torch
except ImportError:  # the message names what is missing and how this script is used
    sys.stderr.write("pytorch_segnet: PyTorch is not installed for this python3 (import torch failed)\n")
    sys.exit(2)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "factory"))
from nets import NUM_CLASSES, SegNet, count_learnt, load_tf_variables, tf_variables, weighted_cross_entropy  # noqa: E402

# src/segnet/train/optimizer.ts DEFAULT_OPTIMIZER, and the constant rate scripts/bench.ts uses.
SGD_MOMENTUM = 0.9
WEIGHT_DECAY = 5e-4
LEARNING_RATE = 0.01


def parameter_counts(net):
    enc = count_learnt(net.encoder)
    dec = count_learnt(net.decoder)
    return {"encoder": enc, "decoder": dec, "total": enc + dec}


def load_reference(folder):
    """manifest.json + data.bin from bench/reference-export.ts: name -> float32 tensor."""
    with open(os.path.join(folder, "manifest.json"), encoding="utf8") as f:
        manifest = json.load(f)
    with open(os.path.join(folder, "data.bin"), "rb") as f:
        raw = bytearray(f.read())
    data = torch.frombuffer(raw, dtype=torch.float32)  # written little-endian; read natively (x86, ARM: the same)
    tensors = {}
    for t in manifest["tensors"]:
        n = math.prod(t["shape"])
        tensors[t["name"]] = data[t["offset"]:t["offset"] + n].reshape(t["shape"]).clone()
    return manifest, tensors


def check_reference(folder):
    """Loads the TF.js weights into the PyTorch network and compares its outputs with TF.js's."""
    manifest, ref = load_reference(folder)
    net = SegNet(manifest["encoder"], "segnet", manifest["widthMultiplier"], manifest["numClasses"], manifest["basicChannels"])
    weights = {n: v for n, v in ref.items() if n.startswith(("encoder/", "decoder/"))}
    try:
        copied = load_tf_variables(net, weights)
    except ValueError as e:
        raise SystemExit(f"pytorch_segnet: {e}")
    missing = len(set(tf_variables(net)) - set(copied))
    images = ref["input"].permute(0, 3, 1, 2).contiguous()
    nhwc = lambda t: t.permute(0, 2, 3, 1)
    net.eval()
    with torch.no_grad():
        eval_logits = nhwc(net(images))
    net.train()
    train_logits = nhwc(net(images))
    weights = torch.tensor(manifest["classWeights"], dtype=torch.float32)
    loss = weighted_cross_entropy(train_logits.permute(0, 3, 1, 2), ref["labels"].long(), weights)
    return {
        "model": model_label(manifest["encoder"], manifest["widthMultiplier"]),
        "missingInPytorch": missing,
        "maxAbsLogit": float(ref["logits/eval"].abs().max()),
        "maxAbsTrainLogit": float(ref["logits/train"].abs().max()),
        "evalMaxAbsDiff": float((eval_logits - ref["logits/eval"]).abs().max()),
        "trainMaxAbsDiff": float((train_logits.detach() - ref["logits/train"]).abs().max()),
        "lossTfjs": float(ref["loss/train"]),
        "lossPytorch": float(loss),
    }


def model_label(encoder, width):
    """The model names scripts/bench.ts prints, so that compare.ts can match rows."""
    return "SegNet-Basic" if encoder == "basic" else f"VGG16-SegNet x{format_js_number(width)}"


def format_js_number(x):
    """String(x) as JavaScript writes it for the widths used here (0.25, 1, 0.5)."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def time_inference(net, device, h, w, reps):
    """Median ms of one image through the eval-mode network, logits copied to the host."""
    net.eval()
    x = torch.rand(1, 3, h, w, device=device)
    times = []
    with torch.no_grad():
        for r in range(reps + 1):
            sync(device)
            t0 = time.perf_counter()
            y = net(x)
            y.cpu()  # like `await y.data()`: the result reaches the host
            sync(device)
            if r > 0:  # run 0 warms up (allocations, kernel selection)
                times.append((time.perf_counter() - t0) * 1000)
    return statistics.median_high(times)  # sorted[n // 2], as scripts/bench.ts takes it


def time_training(net, device, h, w, batch, train_reps):
    """Median ms of a full training step after one warm-up step."""
    net.train()
    opt = torch.optim.SGD(net.parameters(), lr=LEARNING_RATE, momentum=SGD_MOMENTUM, weight_decay=WEIGHT_DECAY)
    # scripts/bench.ts trains without class weights, i.e. all ones; the weighting still runs.
    class_weights = torch.ones(NUM_CLASSES, device=device)
    times = []
    for r in range(train_reps + 1):
        images = torch.rand(batch, 3, h, w, device=device)
        labels = torch.randint(0, NUM_CLASSES, (batch, h, w), device=device)
        sync(device)
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss = weighted_cross_entropy(net(images), labels, class_weights)
        loss.backward()
        loss_value = loss.item()  # trainSteps reads the loss back before updating
        if math.isfinite(loss_value):
            opt.step()
        sync(device)
        if r > 0:
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median_high(times)  # sorted[n // 2], as scripts/bench.ts takes it


def parse_sizes(text):
    sizes = []
    for part in text.split(","):
        try:
            h, w = (int(v) for v in part.lower().split("x"))
        except ValueError:
            raise SystemExit(f"pytorch_segnet: --sizes must be a comma list of HxW such as 96x128, got '{part}'")
        sizes.append((h, w))
    return sizes


def parse_models(text):
    models = [m.strip() for m in text.split(",") if m.strip()]
    bad = [m for m in models if m not in ("basic", "vgg16")]
    if bad or not models:
        raise SystemExit(f"pytorch_segnet: --models takes 'basic' and/or 'vgg16', got '{text}'")
    return models


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--device", default="cpu", help="cpu or cuda (default cpu)")
    p.add_argument("--models", default="basic,vgg16", help="comma list of basic and vgg16")
    p.add_argument("--vgg-width", type=float, default=0.25, help="VGG16 width multiplier (default 0.25)")
    p.add_argument("--sizes", default="96x128", help="comma list of HxW (default 96x128)")
    p.add_argument("--batch", type=int, default=2, help="training batch size (default 2, as scripts/bench.ts)")
    p.add_argument("--reps", type=int, default=5, help="timed inference runs (median reported)")
    p.add_argument("--train-reps", type=int, default=3, help="timed training steps (median reported)")
    p.add_argument("--threads", type=int, default=0, help="CPU threads for torch (0: torch's default)")
    p.add_argument("--tf32", action="store_true", help="allow TF32 convolutions on CUDA (off: true fp32)")
    p.add_argument("--cudnn-benchmark", action="store_true", help="let cuDNN autotune its algorithms")
    p.add_argument("--json", action="store_true", help="print one JSON document instead of a table")
    p.add_argument("--check-params", action="store_true", help="print learnt-parameter counts and exit")
    p.add_argument("--check-reference", metavar="DIR",
                   help="load the weights bench/reference-export.ts wrote to DIR, compare outputs and exit")
    args = p.parse_args(argv)

    if args.check_reference:
        print(json.dumps(check_reference(args.check_reference), indent=2))
        return 0

    models = parse_models(args.models)
    if not (0 < args.vgg_width <= 4):
        raise SystemExit(f"pytorch_segnet: --vgg-width must be in (0, 4], got {args.vgg_width}")

    if args.check_params:
        rows = []
        for m in models:
            counts = parameter_counts(SegNet(m, "segnet", args.vgg_width))
            rows.append({"model": model_label(m, args.vgg_width), "encoder": m, "widthMultiplier": args.vgg_width, **counts})
        if args.json:
            print(json.dumps({"framework": "pytorch", "torch": torch.__version__, "counts": rows}, indent=2))
        else:
            for r in rows:
                print(f"{r['model']:<22} encoder {r['encoder']:>10,}  decoder {r['decoder']:>10,}  total {r['total']:>11,}")
        return 0

    if args.batch < 1 or args.reps < 1 or args.train_reps < 1:
        raise SystemExit("pytorch_segnet: --batch, --reps and --train-reps must be at least 1")
    if args.device not in ("cpu", "cuda") and not args.device.startswith("cuda:"):
        raise SystemExit(f"pytorch_segnet: --device must be cpu or cuda, got '{args.device}'")
    device = torch.device(args.device)
    if device.type == "cuda":
        if not torch.cuda.is_available():
            raise SystemExit("pytorch_segnet: --device cuda asked for, but torch.cuda.is_available() is False")
        torch.backends.cudnn.allow_tf32 = args.tf32
        torch.backends.cuda.matmul.allow_tf32 = args.tf32
        torch.backends.cudnn.benchmark = args.cudnn_benchmark
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(1)

    device_name = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    rows = []
    for m in models:
        for h, w in parse_sizes(args.sizes):
            if not args.json:
                sys.stderr.write(f"pytorch_segnet: {args.device} {m} {h}x{w}...\n")
            net = SegNet(m, "segnet", args.vgg_width).to(device)
            infer = time_inference(net, device, h, w, args.reps)
            train = time_training(net, device, h, w, args.batch, args.train_reps)
            rows.append({
                "framework": "pytorch",
                "device": args.device,
                "model": model_label(m, args.vgg_width),
                "size": f"{h}x{w}",
                "batch": args.batch,
                "inferMsPerImage": infer,
                "trainMsPerStep": train,
                "trainImagesPerSecond": args.batch * 1000 / train,
            })
            del net
            if device.type == "cuda":
                torch.cuda.empty_cache()

    if args.json:
        print(json.dumps({
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(),
            "framework": "pytorch",
            "torch": torch.__version__,
            "device": args.device,
            "deviceName": device_name,
            "threads": torch.get_num_threads(),
            "threadsDefault": args.threads == 0,
            "tf32": bool(args.tf32) if device.type == "cuda" else False,
            "batch": args.batch,
            "rows": rows,
        }, indent=2))
    else:
        n = torch.get_num_threads()
        print(f"torch {torch.__version__} on {device_name}, {n} thread{'' if n == 1 else 's'}")
        print("device  model                   size      infer ms/img  train ms/step  train img/s")
        for r in rows:
            print(f"{r['device']:<7} {r['model']:<23} {r['size']:<9} {r['inferMsPerImage']:>12.1f}  "
                  f"{r['trainMsPerStep']:>13.1f}  {r['trainImagesPerSecond']:>11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
