#!/usr/bin/env python3
"""Trains a SegNet-family network in PyTorch on a dataset in our shard format, with
checkpoints that resume exactly, a JSON-lines log and a progress bar. Export the result to
the engine's checkpoint format with factory/export.py; every figure the site shows is then
computed by the TF.js engine (`npm run eval`) on the exported weights.

    python3 factory/train.py --data public/data/camvid-180x240 --out ~/.cache/unpooled/runs/basic-camvid \
        --encoder basic --decoder segnet --epochs 100 --batch 4 --threads 2
    python3 factory/train.py --out ~/.cache/unpooled/runs/basic-camvid --resume
"""

import argparse
import fcntl
import json
import math
import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import torch
except ImportError:
    sys.stderr.write("factory: PyTorch is not installed for this python3 (Debian: apt-get install python3-torch)\n")
    sys.exit(2)

from data import augment, batch_generator, class_weights, epoch_order, load_dataset, to_tensors  # noqa: E402
from nets import DECODERS, NUM_CLASSES, SegNet, count_learnt, tf_variables, weighted_cross_entropy  # noqa: E402

def parse(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True, help="run folder (checkpoints, log); keep it outside the work tree")
    p.add_argument("--resume", action="store_true", help="continue the run in --out exactly where it stopped")
    p.add_argument("--data", help="dataset folder (manifest.json + shards)")
    p.add_argument("--encoder", default="basic", choices=("basic", "vgg16"))
    p.add_argument("--width", type=float, default=1.0, help="VGG16 width multiplier")
    p.add_argument("--decoder", default="segnet", choices=DECODERS)
    p.add_argument("--basic-channels", type=int, default=64, help="channels of every SegNet-Basic layer (the paper: 64)")
    p.add_argument("--epochs", type=int, default=None,
                   help="most epochs (default 100; stops earlier when val stops improving); with --resume, a new length "
                        "for a plateau or constant run, logged")
    p.add_argument("--batch", type=int, default=4)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--optimizer", default="adam", choices=("adam", "sgd"),
                   help="adam: AdamW, decoupled weight decay 1e-4; sgd: momentum 0.9, weight decay 5e-4")
    p.add_argument("--schedule", default="plateau", choices=("plateau", "poly", "constant"),
                   help="plateau: x0.3 after --patience epochs without a better val mIoU, stop below --min-lr")
    p.add_argument("--patience", type=int, default=5)
    p.add_argument("--min-lr", type=float, default=1e-5)
    p.add_argument("--weights", default="median", choices=("median", "tutorial", "none"), help="class weights")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--no-augment", action="store_true")
    p.add_argument("--init", help="start from another run's checkpoint (a .pt file of this trainer)")
    p.add_argument("--init-encoder-only", action="store_true", help="take only the encoder from --init")
    p.add_argument("--freeze-encoder", action="store_true", help="train the decoder only (encoder in eval mode)")
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--checkpoint-every", type=int, default=25, help="steps between checkpoints")
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: no limit; for tests)")
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    return p.parse_args(argv)


def run_config(a):
    return {"encoder": a.encoder, "decoder": a.decoder, "widthMultiplier": a.width, "basicChannels": a.basic_channels,
            "atrousRate": 12, "data": os.path.abspath(a.data),
            "epochs": a.epochs or 100, "batch": a.batch, "lr": a.lr, "optimizer": a.optimizer, "schedule": a.schedule,
            "weights": a.weights, "seed": a.seed, "augment": not a.no_augment, "freezeEncoder": a.freeze_encoder,
            "init": a.init, "initEncoderOnly": a.init_encoder_only, "patience": a.patience, "minLr": a.min_lr}


def build(run):
    """The network of a run config (runs written before basicChannels existed used 64)."""
    return SegNet(run["encoder"], run["decoder"], run["widthMultiplier"], basic_channels=run.get("basicChannels", 64),
                  atrous_rate=run.get("atrousRate", 12))


def precise_bn(net, split, device, freeze_encoder, count=96, batch=8):
    """Recomputes the moving batch-norm statistics of the layers that train as plain averages
    over `count` training frames (no augmentation), with the weights as they are now. Moving
    averages taken while the weights changed lag behind them, and eval mode then scores far
    below training mode; SegNet's own recipe recomputes the statistics over the training set
    before testing (compute_bn_statistics.py of SegNet-Tutorial). The frames are evenly spaced
    through the split, so the result depends only on the weights."""
    net.train()
    if freeze_encoder:
        net.encoder.eval()
    bns = [m for m in net.modules() if isinstance(m, torch.nn.BatchNorm2d) and m.training]
    momenta = [m.momentum for m in bns]
    for m in bns:
        m.reset_running_stats()
        m.momentum = None  # a cumulative average over the batches below
    picks = torch.linspace(0, split.count - 1, min(count, split.count)).round().long().tolist()
    with torch.no_grad():
        for i in range(0, len(picks), batch):
            images, _ = to_tensors(split, picks[i:i + batch])
            net(images.to(device))
    for m, momentum in zip(bns, momenta):
        m.momentum = momentum


def confusion(net, split, device, batch=8):
    """Confusion matrix [true, predicted] over labelled pixels of a split, eval mode."""
    net.eval()
    m = torch.zeros(NUM_CLASSES, NUM_CLASSES, dtype=torch.int64)
    with torch.no_grad():
        for i in range(0, split.count, batch):
            images, labels = to_tensors(split, list(range(i, min(i + batch, split.count))))
            pred = net(images.to(device)).argmax(1).cpu()
            keep = labels != NUM_CLASSES
            m += torch.bincount(labels[keep] * NUM_CLASSES + pred[keep], minlength=NUM_CLASSES ** 2).reshape(NUM_CLASSES, NUM_CLASSES)
    return m


def scores(m):
    m = m.double()
    tp, rows, cols = m.diag(), m.sum(1), m.sum(0)
    present = rows > 0
    iou = tp / (rows + cols - tp).clamp(min=1)
    return {"G": float(tp.sum() / m.sum().clamp(min=1) * 100),
            "C": float((tp / rows.clamp(min=1))[present].mean() * 100),
            "mIoU": float(iou[present].mean() * 100),
            "iou": [round(float(v) * 100, 2) for v in iou]}


def save(path, state):
    tmp = path + ".tmp"
    torch.save(state, tmp)
    os.replace(tmp, path)


def log(out, record):
    record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), **record}
    with open(os.path.join(out, "log.jsonl"), "a", encoding="utf8") as f:
        f.write(json.dumps(record) + "\n")


def progress(text):
    if sys.stderr.isatty():
        sys.stderr.write("\r" + text[:150].ljust(150))
        sys.stderr.flush()


def main(argv=None):
    a = parse(argv)
    out = os.path.abspath(os.path.expanduser(a.out))
    last_path = os.path.join(out, "last.pt")
    length_change = None
    if a.resume:
        if not os.path.isfile(last_path):
            raise SystemExit(f"factory: nothing to resume in {out} (no last.pt)")
        state = torch.load(last_path, map_location="cpu")
        cfg = state["run"]
        a.data = cfg["data"]
        if a.epochs is not None and a.epochs != cfg["epochs"]:
            if cfg["schedule"] == "poly" and state["progress"]["step"] > 0:
                raise SystemExit(f"factory: {out} follows a poly schedule over {cfg['epochs']} epochs; "
                                 f"its length cannot change to {a.epochs} once it has started")
            if a.epochs <= state["progress"]["epoch"] and not state["progress"]["done"]:
                raise SystemExit(f"factory: {out} has already trained {state['progress']['epoch']} epochs; "
                                 f"--epochs {a.epochs} would end it before its next one")
            length_change = {"event": "epochs", "from": cfg["epochs"], "to": a.epochs}
            cfg["epochs"] = a.epochs
    else:
        if not a.data:
            raise SystemExit("factory: --data is required for a new run")
        if os.path.exists(last_path):
            raise SystemExit(f"factory: {out} already holds a run; use --resume or another --out")
        os.makedirs(out, exist_ok=True)
        state, cfg = None, run_config(a)
    # one process per run folder: a second one would interleave its steps and checkpoints
    lock = open(os.path.join(out, "lock"), "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise SystemExit(f"factory: another process is training the run in {out}; stop it first")
    torch.set_num_threads(a.threads)
    device = torch.device(a.device)
    manifest, splits = load_dataset(cfg["data"], ("train", "val"))
    train, val = splits["train"], splits["val"]
    torch.manual_seed(cfg["seed"])
    net = build(cfg).to(device)
    if state is None and cfg["init"]:
        src = torch.load(cfg["init"], map_location="cpu")
        src_net = build(src["run"])
        src_net.load_state_dict(src["model"])
        tensors = {n: t.detach() for n, (t, _) in tf_variables(src_net).items()}
        # engine layout is not needed here: both nets are torch, so copy through the TF names
        copied = []
        targets = tf_variables(net)
        with torch.no_grad():
            for name, t in tensors.items():
                if name in targets and (not cfg["initEncoderOnly"] or name.startswith("encoder/")) and targets[name][0].shape == t.shape:
                    targets[name][0].copy_(t)
                    copied.append(name)
        log(out, {"event": "init", "from": cfg["init"], "copied": len(copied)})
    if cfg["freezeEncoder"]:
        for p in net.encoder.parameters():
            p.requires_grad_(False)
    params = [p for p in net.parameters() if p.requires_grad]
    if cfg["optimizer"] == "adam":
        opt = torch.optim.AdamW(params, lr=cfg["lr"], weight_decay=1e-4)
    else:
        opt = torch.optim.SGD(params, lr=cfg["lr"], momentum=0.9, weight_decay=5e-4)
    weights = class_weights(manifest, cfg["weights"]).to(device)
    steps_per_epoch = math.ceil(train.count / cfg["batch"])
    prog = {"epoch": 0, "batch": 0, "step": 0, "lr": cfg["lr"], "best": -1.0, "bestEpoch": -1, "bad": 0,
            "seconds": 0.0, "done": False, "why": None}
    if state is not None:
        net.load_state_dict(state["model"])
        opt.load_state_dict(state["optimizer"])
        prog = state["progress"]
        if length_change:
            log(out, length_change)
            print(f"factory: the run's length is now {cfg['epochs']} epochs (was {length_change['from']})", flush=True)
    else:
        with open(os.path.join(out, "run.json"), "w", encoding="utf8") as f:
            json.dump({"run": cfg, "command": sys.argv, "params": count_learnt(net),
                       "torch": torch.__version__, "threads": a.threads}, f, indent=2)
        log(out, {"event": "start", "run": cfg, "params": count_learnt(net)})
    if prog["done"]:
        print(f"factory: {out} is finished ({prog['why']}); best val mIoU {prog['best']:.2f} at epoch {prog['bestEpoch'] + 1}")
        return 0

    def snapshot(kind="last"):
        st = {"run": cfg, "model": net.state_dict(), "optimizer": opt.state_dict(), "progress": dict(prog)}
        save(os.path.join(out, f"{kind}.pt"), st)

    stop = {"signal": None}

    def on_signal(sig, _frame):
        stop["signal"] = sig

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    max_steps = a.max_steps if a.max_steps > 0 else None
    steps_this_process = 0
    print(f"factory: {cfg['encoder']}/{cfg['decoder']} on {os.path.basename(cfg['data'])}, {count_learnt(net):,} learnt parameters, "
          f"{steps_per_epoch} steps/epoch, epoch {prog['epoch'] + 1} batch {prog['batch']}, {a.threads} threads, {device}", flush=True)
    while prog["epoch"] < cfg["epochs"]:
        e = prog["epoch"]
        order = epoch_order(train.count, cfg["seed"], e)
        net.train()
        if cfg["freezeEncoder"]:
            net.encoder.eval()
        if cfg["schedule"] == "poly":
            lr_now = cfg["lr"] * (1 - e / cfg["epochs"]) ** 0.9
        else:
            lr_now = prog["lr"]
        for g in opt.param_groups:
            g["lr"] = lr_now
        t_epoch = time.time()
        while prog["batch"] < steps_per_epoch:
            b = prog["batch"]
            idx = order[b * cfg["batch"]:(b + 1) * cfg["batch"]].tolist()
            images, labels = to_tensors(train, idx)
            if cfg["augment"]:
                images, labels = augment(images, labels, batch_generator(cfg["seed"], e, b))
            images, labels = images.to(device), labels.to(device)
            t0 = time.time()
            opt.zero_grad(set_to_none=True)
            loss = weighted_cross_entropy(net(images), labels, weights)
            value = float(loss)
            if not math.isfinite(value):
                snapshot()
                log(out, {"event": "nan", "step": prog["step"]})
                raise SystemExit(f"factory: loss is {value} at step {prog['step']}; stopped, the last checkpoint is kept")
            loss.backward()
            opt.step()
            dt = time.time() - t0
            prog["batch"] += 1
            prog["step"] += 1
            prog["seconds"] += dt
            steps_this_process += 1
            log(out, {"event": "step", "step": prog["step"], "epoch": e + 1, "loss": round(value, 5), "lr": lr_now, "ms": round(dt * 1000)})
            progress(f"epoch {e + 1}/{cfg['epochs']} [{'#' * (20 * prog['batch'] // steps_per_epoch):<20}] "
                     f"{prog['batch']}/{steps_per_epoch} loss {value:.4f} {dt:.2f} s/step")
            if prog["step"] % a.checkpoint_every == 0:
                snapshot()
            if stop["signal"] is not None or (max_steps and steps_this_process >= max_steps):
                snapshot()
                why = "interrupted" if stop["signal"] is not None else "max-steps"
                log(out, {"event": why, "step": prog["step"], "epoch": e + 1, "batch": prog["batch"]})
                sys.stderr.write("\n")
                print(f"factory: {why} at step {prog['step']} (epoch {e + 1}, batch {prog['batch']}); checkpoint written to {last_path}", flush=True)
                return 130 if stop["signal"] is not None else 0
        # epoch end: batch-norm statistics for these weights, validate, schedule, checkpoint
        precise_bn(net, train, device, cfg["freezeEncoder"])
        sc = scores(confusion(net, val, device))
        improved = sc["mIoU"] > prog["best"]
        if improved:
            prog["best"], prog["bestEpoch"], prog["bad"] = sc["mIoU"], e, 0
        else:
            prog["bad"] += 1
        if cfg["schedule"] == "plateau" and prog["bad"] >= cfg["patience"]:
            prog["lr"] *= 0.3
            prog["bad"] = 0
            log(out, {"event": "lr", "lr": prog["lr"], "epoch": e + 1})
            if prog["lr"] < cfg["minLr"]:
                prog["done"], prog["why"] = True, "val mIoU stopped improving"
        prog["epoch"] += 1
        prog["batch"] = 0
        if prog["epoch"] >= cfg["epochs"] and not prog["done"]:
            prog["done"], prog["why"] = True, f"{cfg['epochs']} epochs"
        sys.stderr.write("\n") if sys.stderr.isatty() else None
        log(out, {"event": "val", "epoch": e + 1, "step": prog["step"], "lr": lr_now, **sc, "trainSeconds": round(prog["seconds"])})
        print(f"factory: epoch {e + 1} val G {sc['G']:.1f} C {sc['C']:.1f} mIoU {sc['mIoU']:.1f}"
              f"{' (best)' if improved else ''}, {time.time() - t_epoch:.0f} s", flush=True)
        if improved:
            snapshot("best")
        snapshot()
        if prog["done"]:
            break
    print(f"factory: finished ({prog['why']}); best val mIoU {prog['best']:.2f} at epoch {prog['bestEpoch'] + 1}")
    log(out, {"event": "done", "why": prog["why"], "best": prog["best"], "bestEpoch": prog["bestEpoch"] + 1})
    return 0


if __name__ == "__main__":
    sys.exit(main())
