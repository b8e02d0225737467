#!/usr/bin/env python3
"""Exports small trained networks, one per decoder, with what PyTorch computes from one input,
so that a test can check that the TF.js engine computes the same from the exported weights.

For each decoder: a SegNet-Basic encoder with `--channels` channels, trained `--steps` SGD steps
on random images and labels (so filters, biases and batch-norm statistics are all moved off
their initial values), exported with export.write_checkpoint (float32) to DIR/<decoder>/, and
DIR/<decoder>/reference.json holding the input and the eval-mode and training-mode logits
(NHWC, as the engine's tensors), computed after training.

With --shared-encoder, every decoder after the first gets the first one's encoder (weights and
batch-norm statistics) before its logits are computed, and is exported without it, naming the
first decoder's folder (export.py --encoder-from), as decoders trained on one frozen encoder ship.

    python3 factory/parity.py --out /tmp/parity --height 16 --width 24
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

from export import engine_config, write_checkpoint  # noqa: E402
from nets import DECODERS, SegNet, weighted_cross_entropy  # noqa: E402


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True)
    p.add_argument("--height", type=int, default=16)
    p.add_argument("--width", type=int, default=24)
    p.add_argument("--channels", type=int, default=4)
    p.add_argument("--steps", type=int, default=3)
    p.add_argument("--decoders", default=",".join(DECODERS))
    p.add_argument("--encoder", default="basic", choices=("basic", "vgg16"))
    p.add_argument("--width-multiplier", type=float, default=0.125)
    p.add_argument("--shared-encoder", action="store_true", help="later decoders take the first one's encoder and are exported without it")
    a = p.parse_args(argv)
    torch.manual_seed(5)
    torch.set_num_threads(1)
    h, w = a.height, a.width
    first = None
    for decoder in a.decoders.split(","):
        width = a.width_multiplier if a.encoder == "vgg16" else 1.0
        net = SegNet(a.encoder, decoder, width, basic_channels=a.channels, atrous_rate=2)
        opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
        for _ in range(a.steps):
            images = torch.rand(2, 3, h, w)
            labels = torch.randint(0, 12, (2, h, w))
            opt.zero_grad()
            weighted_cross_entropy(net(images), labels, torch.ones(11)).backward()
            opt.step()
        if a.shared_encoder and first is not None:
            net.encoder.load_state_dict(first[0].encoder.state_dict())
        images = torch.rand(2, 3, h, w)
        net.eval()
        with torch.no_grad():
            eval_logits = net(images)
        before = {k: v.clone() for k, v in net.state_dict().items()}
        net.train()
        with torch.no_grad():
            train_logits = net(images)
        net.load_state_dict(before)  # the training-mode pass moved the moving statistics
        run = {"encoder": a.encoder, "decoder": decoder, "widthMultiplier": width, "basicChannels": a.channels,
               "atrousRate": 2, "seed": 5}
        folder = os.path.join(a.out, decoder)
        write_checkpoint(net, engine_config(run, h, w), folder, {"step": a.steps, "epoch": 0, "batch": a.steps},
                         {"data": "random"}, float16=False, encoder_from=first[1] if a.shared_encoder and first else None)
        if first is None:
            first = (net, folder)
        nhwc = lambda t: t.permute(0, 2, 3, 1).contiguous().flatten().tolist()
        with open(os.path.join(folder, "reference.json"), "w", encoding="utf8") as f:
            json.dump({"shape": [2, h, w], "input": nhwc(images), "evalLogits": nhwc(eval_logits),
                       "trainLogits": nhwc(train_logits)}, f)
    print(f"parity: wrote {a.decoders} to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
