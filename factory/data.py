"""Reads the road-scene datasets `npm run data:camvid` and `npm run data:synthetic` write
(docs/data-format.md: manifest.json + RSD1 shards), checks each shard's length, magic and
header (the checksums are the TS loaders' job),
and makes seeded, reproducible batches with augmentation."""

import json
import os

import numpy as np
import torch
import torch.nn.functional as F

MAGIC = b"RSD1"


class Split:
    def __init__(self, name, images, labels):
        self.name, self.images, self.labels = name, images, labels  # uint8 [N,H,W,3], [N,H,W]
        self.count = images.shape[0]


def load_dataset(folder, splits=("train", "val", "test")):
    """folder -> (manifest, {split: Split}). Errors name the file and what is wrong with it."""
    path = os.path.join(folder, "manifest.json")
    if not os.path.isfile(path):
        raise SystemExit(f"factory: no dataset at {folder} (missing manifest.json); "
                         f"write one with npm run data:camvid or npm run data:synthetic")
    with open(path, encoding="utf8") as f:
        manifest = json.load(f)
    if manifest.get("format") != "unpooled-road-scenes" or manifest.get("formatVersion") != 1:
        raise SystemExit(f"factory: {path} is not an unpooled-road-scenes v1 manifest")
    h, w = manifest["height"], manifest["width"]
    out = {}
    for split in splits:
        info = manifest["splits"].get(split)
        if info is None:
            raise SystemExit(f"factory: {path} has no split '{split}'")
        images, labels = [], []
        for shard in info["shards"]:
            fp = os.path.join(folder, shard["file"])
            with open(fp, "rb") as f:
                raw = f.read()
            if len(raw) != shard["bytes"]:
                raise SystemExit(f"factory: shard {fp} is truncated: expected {shard['bytes']} bytes, got {len(raw)}")
            if raw[:4] != MAGIC:
                raise SystemExit(f"factory: shard {fp} does not start with RSD1")
            n, sh, sw = np.frombuffer(raw[4:16], dtype="<u4")
            if (sh, sw) != (h, w) or n != shard["count"]:
                raise SystemExit(f"factory: shard {fp} header says {n} x {sh}x{sw}, manifest {shard['count']} x {h}x{w}")
            body = np.frombuffer(raw, dtype=np.uint8, offset=16)
            images.append(body[: n * h * w * 3].reshape(n, h, w, 3))
            labels.append(body[n * h * w * 3:].reshape(n, h, w))
        im = np.concatenate(images) if images else np.zeros((0, h, w, 3), np.uint8)
        lb = np.concatenate(labels) if labels else np.zeros((0, h, w), np.uint8)
        if lb.size and lb.max() > manifest["voidLabel"]:
            raise SystemExit(f"factory: {folder} split {split} has label {int(lb.max())} > void {manifest['voidLabel']}")
        out[split] = Split(split, im, lb)
    return manifest, out


def class_weights(manifest, kind):
    if kind == "median":
        return torch.tensor(manifest["medianFrequencyWeights"], dtype=torch.float32)
    if kind == "tutorial":
        return torch.tensor(manifest["tutorialClassWeights"], dtype=torch.float32)
    if kind == "none":
        return torch.ones(len(manifest["classNames"]))
    raise SystemExit(f"factory: --weights must be median, tutorial or none, got {kind!r}")


def epoch_order(count, seed, epoch):
    g = torch.Generator().manual_seed(seed * 100_003 + epoch)
    return torch.randperm(count, generator=g)


def to_tensors(split, idx):
    """uint8 arrays -> images [B, 3, H, W] float in [0, 1], labels [B, H, W] int64."""
    images = torch.from_numpy(split.images[idx]).permute(0, 3, 1, 2).float() / 255
    labels = torch.from_numpy(split.labels[idx].astype(np.int64))
    return images, labels


def augment(images, labels, gen, scale=(1.0, 1.25), flip=True, jitter=0.1):
    """Random horizontal flip, a random zoom-in crop (scale, bilinear images, nearest labels),
    brightness/contrast jitter. One draw per image from `gen`, so a batch is rebuilt exactly."""
    b, _, h, w = images.shape
    out_i, out_l = [], []
    for k in range(b):
        im, lb = images[k:k + 1], labels[k:k + 1]
        r = torch.rand(6, generator=gen)
        if flip and r[0] < 0.5:
            im, lb = im.flip(-1), lb.flip(-1)
        s = scale[0] + (scale[1] - scale[0]) * float(r[1])
        if s > 1.0001:
            ch, cw = round(h / s), round(w / s)
            y0 = int(float(r[2]) * (h - ch + 1))
            x0 = int(float(r[3]) * (w - cw + 1))
            im = F.interpolate(im[..., y0:y0 + ch, x0:x0 + cw], size=(h, w), mode="bilinear", align_corners=False)
            lb = F.interpolate(lb[:, None, y0:y0 + ch, x0:x0 + cw].float(), size=(h, w), mode="nearest")[:, 0].long()
        if jitter > 0:
            brightness = 1 + jitter * (2 * float(r[4]) - 1)
            contrast = 1 + jitter * (2 * float(r[5]) - 1)
            mean = im.mean()
            im = ((im - mean) * contrast + mean) * brightness
            im = im.clamp(0, 1)
        out_i.append(im)
        out_l.append(lb)
    return torch.cat(out_i), torch.cat(out_l)


def batch_generator(seed, epoch, batch):
    return torch.Generator().manual_seed((seed * 1_000_003 + epoch) * 10_007 + batch)
