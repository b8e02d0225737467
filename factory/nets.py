"""The SegNet family in PyTorch: the twin of src/segnet, layer for layer.

Every learnt tensor carries the name the TF.js engine gives it ("encoder/stage1/conv1/conv/filter",
"decoder/classifier/bias", ...), so `tf_variables` can export a trained network to the engine's
checkpoint format and `load_tf_variables` can read one back. Layouts differ only by a permutation:
TF.js conv filters are [kh, kw, in, out], depthwise [kh, kw, C, 1], transposed [kh, kw, out, in].

Behaviour that must equal the engine's, because the exported weights run there:
- 'same' padding as TF computes it (floor(total / 2) before) for convs and transposed convs;
- bilinear resizing with TF.js's default sampling (align_corners false, no half-pixel centres),
  which differs from torch's F.interpolate, so it is written as two interpolation matrices;
- 2x2/2 max pooling in ceil mode, unpooling at the recorded positions;
- batch norm with epsilon 1e-5 and moving averages new = 0.9 old + 0.1 batch;
- SegNet-Basic's input LRN (Caffe: size 5, alpha 1e-4, beta 0.75 on 0..255 values).
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

NUM_CLASSES = 11
VOID_LABEL = 11
DECODERS = ("segnet", "fcn", "deeplab-largefov", "deconvnet", "bilinear")
VGG16_STAGES = [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]]
BN_EPSILON = 1e-5
BN_MOMENTUM = 0.1  # torch's convention for the engine's 0.9


def encoder_plan(encoder, width_multiplier=1.0, basic_channels=64):
    """Mirror of encoderPlan (src/segnet/model/encoder.ts)."""
    if encoder == "basic":
        widths, kernel = [[basic_channels] for _ in range(4)], 7
    elif encoder == "vgg16":
        # JS Math.round rounds halves up; Python's round() would round them to even.
        widths = [[max(1, math.floor(c * width_multiplier + 0.5)) for c in s] for s in VGG16_STAGES]
        kernel = 3
    else:
        raise ValueError(f"encoder must be basic or vgg16, got {encoder!r}")
    cin, stages = 3, []
    for stage in widths:
        specs = []
        for cout in stage:
            specs.append((cin, cout))
            cin = cout
        stages.append(specs)
    return {"kind": encoder, "kernel": kernel, "stages": stages, "channels": [s[-1] for s in widths]}


def mirrored_stage(plan, s):
    """Mirror of mirroredStage (src/segnet/decoders/mirror.ts): (cin, cout) of decoder stage s."""
    n = 1 if plan["kind"] == "basic" else len(plan["stages"][s]) - (1 if s == 0 else 0)
    c = plan["channels"][s]
    last = plan["channels"][0] if s == 0 else plan["channels"][s - 1]
    return [(c, last if i == n - 1 else c) for i in range(n)]


def same_pad(size_in, size_out, k, stride, dilation=1):
    """TF's 'same' padding (before, after) of a conv that maps size_in to size_out."""
    eff = (k - 1) * dilation + 1
    total = max((size_out - 1) * stride + eff - size_in, 0)
    return total // 2, total - total // 2


class Conv(nn.Module):
    """'same' conv with bias; He-normal filter and zero bias as ParameterStore.conv."""

    def __init__(self, tf_name, cin, cout, k, groups=1, fan_in=None):
        super().__init__()
        self.tf_name, self.k, self.groups = tf_name, k, groups
        self.weight = nn.Parameter(torch.randn(cout, cin // groups, k, k) * math.sqrt(2 / (fan_in or k * k * cin)))
        self.bias = nn.Parameter(torch.zeros(cout))

    def forward(self, x, dilation=1):
        pt, pb = same_pad(x.shape[-2], x.shape[-2], self.k, 1, dilation)
        pl, pr = same_pad(x.shape[-1], x.shape[-1], self.k, 1, dilation)
        if (pt, pb) == (pl, pr) and pt == pb:
            return F.conv2d(x, self.weight, self.bias, padding=pt, dilation=dilation, groups=self.groups)
        return F.conv2d(F.pad(x, (pl, pr, pt, pb)), self.weight, self.bias, dilation=dilation, groups=self.groups)

    def tf_tensors(self):
        perm = (2, 3, 0, 1) if self.groups > 1 else (2, 3, 1, 0)
        return {f"{self.tf_name}/filter": (self.weight, perm), f"{self.tf_name}/bias": (self.bias, None)}


class TConv(nn.Module):
    """Transposed conv with TF's 'same' geometry to a given output size (conv2dTranspose + bias)."""

    def __init__(self, tf_name, cin, cout, k, stride, init=None):
        super().__init__()
        self.tf_name, self.k, self.stride = tf_name, k, stride
        w = init if init is not None else torch.randn(cin, cout, k, k) * math.sqrt(2 / (k * k * cin))
        self.weight = nn.Parameter(w)
        self.bias = nn.Parameter(torch.zeros(cout))

    def forward(self, x, size):
        if self.stride == 1:
            # The same sums as conv_transpose2d (a full correlation with the flipped, transposed
            # kernel), through conv2d: PyTorch's CPU transposed convolution at stride 1 is several
            # times slower than its convolution (about 8x for DeconvNet-Basic's 7x7 layers).
            k = self.k
            y = F.conv2d(F.pad(x, (k - 1,) * 4), self.weight.transpose(0, 1).flip(2, 3), self.bias)
        else:
            y = F.conv_transpose2d(x, self.weight, self.bias, stride=self.stride)
        top, _ = same_pad(size[0], x.shape[-2], self.k, self.stride)
        left, _ = same_pad(size[1], x.shape[-1], self.k, self.stride)
        return y[..., top:top + size[0], left:left + size[1]]

    def tf_tensors(self):
        # torch [in, out, kh, kw] -> TF.js [kh, kw, out, in]
        return {f"{self.tf_name}/filter": (self.weight, (2, 3, 1, 0)), f"{self.tf_name}/bias": (self.bias, None)}


class BN(nn.BatchNorm2d):
    def __init__(self, tf_name, c):
        super().__init__(c, eps=BN_EPSILON, momentum=BN_MOMENTUM)
        self.tf_name = tf_name

    def tf_tensors(self):
        n = self.tf_name
        return {f"{n}/gamma": (self.weight, None), f"{n}/beta": (self.bias, None),
                f"{n}/moving_mean": (self.running_mean, None), f"{n}/moving_variance": (self.running_var, None)}


class ConvBn(nn.Module):
    """conv -> BN (-> ReLU), the engine's convBn; names `<name>/conv/...` and `<name>/bn/...`."""

    def __init__(self, name, cin, cout, k, relu, conv_name=None):
        super().__init__()
        self.conv = Conv(conv_name or f"{name}/conv", cin, cout, k)
        self.bn = BN(f"{name}/bn", cout)
        self.relu = relu

    def forward(self, x, dilation=1):
        x = self.bn(self.conv(x, dilation))
        return F.relu(x) if self.relu else x


class Encoder(nn.Module):
    """Stages of conv-BN-ReLU, each ending in a 2x2/2 ceil-mode max pool that keeps indices.
    Stages from `first_unpooled` on skip pooling and dilate by 2 per skipped pool (DeepLab)."""

    def __init__(self, plan):
        super().__init__()
        k = plan["kernel"]
        self.stages = nn.ModuleList(
            nn.ModuleList(ConvBn(f"encoder/stage{s + 1}/conv{i + 1}", cin, cout, k, True) for i, (cin, cout) in enumerate(stage))
            for s, stage in enumerate(plan["stages"]))

    def forward(self, x, first_unpooled=None):
        first = len(self.stages) if first_unpooled is None else first_unpooled
        out = []  # (features, pooled, indices)
        for s, stage in enumerate(self.stages):
            dilation = 2 ** max(0, s - first)
            for block in stage:
                x = block(x, dilation)
            if s >= first:
                out.append((x, x, None))
                continue
            pooled, indices = F.max_pool2d(x, 2, 2, ceil_mode=True, return_indices=True)
            out.append((x, pooled, indices))
            x = pooled
        return out


def interpolation_matrix(size_from, size_to, device):
    """[to, from] matrix of TF.js's resizeBilinear along one axis (interpolationMatrix)."""
    m = torch.zeros(size_to, size_from, device=device)
    scale = size_from / size_to
    for i in range(size_to):
        f = i * scale
        i0 = math.floor(f)
        i1 = min(i0 + 1, size_from - 1)
        t = f - i0
        m[i, i0] += 1 - t
        m[i, i1] += t
    return m


_MATRICES = {}


def resize_bilinear(x, h, w):
    """[N, C, h0, w0] -> [N, C, h, w] exactly as TF.js's resizeBilinear (default sampling)."""
    key = (x.shape[-2], h, x.shape[-1], w, x.device)
    if key not in _MATRICES:
        _MATRICES[key] = (interpolation_matrix(x.shape[-2], h, x.device), interpolation_matrix(x.shape[-1], w, x.device))
    ry, rx = _MATRICES[key]
    return torch.einsum("Hh,nchw,Ww->ncHW", ry, x, rx)


def bilinear_upsampling_filter(k, channels):
    """bilinearUpsamplingFilter (fcn-decoder.ts) in torch's transposed layout [in, out, k, k]."""
    center = (k - 1) / 2
    w = torch.zeros(channels, channels, k, k)
    for u in range(k):
        for v in range(k):
            weight = max(0.0, 1 - abs(u - center) / 2) * max(0.0, 1 - abs(v - center) / 2)
            for c in range(channels):
                w[c, c, u, v] = weight
    return w


def classifier(plan, num_classes):
    """The per-pixel classifier of the mirrored decoders: 1x1 for SegNet-Basic, 3x3 for VGG16."""
    return Conv("decoder/classifier", plan["channels"][0], num_classes, 1 if plan["kind"] == "basic" else 3)


class UnpoolingDecoder(nn.Module):
    """SegNet (conv + BN, ReLU except SegNet-Basic) and DeconvNet (stride-1 deconv + BN + ReLU)."""

    def __init__(self, kind, plan, num_classes):
        super().__init__()
        self.kind = kind
        k = plan["kernel"]
        self.relu = kind == "deconvnet" or plan["kind"] != "basic"
        stages = []
        for s in range(len(plan["stages"])):
            blocks = nn.ModuleList()
            for i, (cin, cout) in enumerate(mirrored_stage(plan, s)):
                name = f"decoder/stage{s + 1}/{'conv' if kind == 'segnet' else 'deconv'}{i + 1}"
                layer = Conv(name, cin, cout, k) if kind == "segnet" else TConv(name, cin, cout, k, 1)
                blocks.append(nn.ModuleDict({"layer": layer, "bn": BN(f"{name}/bn", cout)}))
            stages.append(blocks)
        self.stages = nn.ModuleList(stages)
        self.classifier = classifier(plan, num_classes)

    def forward(self, enc, size):
        x = enc[-1][1]
        for s in reversed(range(len(self.stages))):
            features, _, indices = enc[s]
            x = F.max_unpool2d(x, indices, 2, 2, output_size=features.shape[-2:])
            for block in self.stages[s]:
                layer = block["layer"]
                x = layer(x) if self.kind == "segnet" else layer(x, x.shape[-2:])
                x = block["bn"](x)
                if self.relu:
                    x = F.relu(x)
        return self.classifier(x)


class FcnDecoder(nn.Module):
    """FCN-Basic: 1x1 class scores per stage, learnt 2x transposed convs (bilinear init), skip sums."""

    def __init__(self, plan, num_classes):
        super().__init__()
        kernel = plan["kernel"] if plan["kind"] == "basic" else 4
        n = len(plan["channels"])
        self.scores = nn.ModuleList(Conv(f"decoder/stage{s + 1}/score", c, num_classes, 1) for s, c in enumerate(plan["channels"]))
        self.upsamplers = nn.ModuleList(
            TConv(f"decoder/stage{s + 1}/upsample", num_classes, num_classes, kernel, 2, bilinear_upsampling_filter(kernel, num_classes))
            for s in range(n))

    def forward(self, enc, size):
        last = len(enc) - 1
        y = self.scores[last](enc[last][1])
        for s in range(last, -1, -1):
            y = self.upsamplers[s](y, enc[s][0].shape[-2:])
            if s > 0:
                y = y + self.scores[s - 1](enc[s - 1][1])
        return y


class DeepLabDecoder(nn.Module):
    """DeepLab-LargeFOV: the last two encoder stages unpooled and dilated, fc6 (3x3, rate r),
    fc7, fc8 (1x1), bilinear upsampling of the scores."""

    def __init__(self, plan, num_classes, atrous_rate):
        super().__init__()
        cin = plan["channels"][-1]
        self.rate = atrous_rate
        self.first_unpooled = len(plan["stages"]) - 2
        self.fc6 = Conv("decoder/fc6", cin, 2 * cin, 3)
        self.fc7 = Conv("decoder/fc7", 2 * cin, 2 * cin, 1)
        self.fc8 = Conv("decoder/fc8", 2 * cin, num_classes, 1)

    def forward(self, enc, size):
        x = F.relu(self.fc6(enc[-1][1], self.rate))
        x = F.relu(self.fc7(x))
        return resize_bilinear(self.fc8(x), size[0], size[1])


class BilinearDecoder(nn.Module):
    """Fixed bilinear 2x upsampling, then a depthwise k x k conv + BN per stage (0.625 M params
    on SegNet-Basic); VGG16 adds ReLU and a 1x1 conv-BN-ReLU projection where channels halve."""

    def __init__(self, plan, num_classes):
        super().__init__()
        k = plan["kernel"]
        self.relu = plan["kind"] != "basic"
        stages = []
        for s, c in enumerate(plan["channels"]):
            nxt = c if s == 0 else plan["channels"][s - 1]
            d = nn.ModuleDict({
                "depthwise": Conv(f"decoder/stage{s + 1}/depthwise", c, c, k, groups=c, fan_in=k * k),
                "bn": BN(f"decoder/stage{s + 1}/bn", c),
            })
            if nxt != c:
                d["project"] = ConvBn(f"decoder/stage{s + 1}/project", c, nxt, 1, True)
            stages.append(d)
        self.stages = nn.ModuleList(stages)
        self.classifier = classifier(plan, num_classes)

    def forward(self, enc, size):
        x = enc[-1][1]
        for s in reversed(range(len(self.stages))):
            h, w = enc[s][0].shape[-2:]
            st = self.stages[s]
            x = st["bn"](st["depthwise"](resize_bilinear(x, h, w)))
            if self.relu:
                x = F.relu(x)
            if "project" in st:
                x = st["project"](x)
        return self.classifier(x)


def make_decoder(kind, plan, num_classes, atrous_rate):
    if kind in ("segnet", "deconvnet"):
        return UnpoolingDecoder(kind, plan, num_classes)
    if kind == "fcn":
        return FcnDecoder(plan, num_classes)
    if kind == "deeplab-largefov":
        return DeepLabDecoder(plan, num_classes, atrous_rate)
    if kind == "bilinear":
        return BilinearDecoder(plan, num_classes)
    raise ValueError(f"decoder must be one of {', '.join(DECODERS)}, got {kind!r}")


class SegNet(nn.Module):
    """encoder + decoder; `config` uses the engine's SegNetConfig field names."""

    def __init__(self, encoder="basic", decoder="segnet", width_multiplier=1.0, num_classes=NUM_CLASSES,
                 basic_channels=64, atrous_rate=12):
        super().__init__()
        self.config = {"encoder": encoder, "decoder": decoder, "widthMultiplier": width_multiplier,
                       "numClasses": num_classes, "basicChannels": basic_channels, "atrousRate": atrous_rate}
        self.kind = encoder
        plan = encoder_plan(encoder, width_multiplier, basic_channels)
        self.encoder = Encoder(plan)
        self.decoder = make_decoder(decoder, plan, num_classes, atrous_rate)
        self.lrn = nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=1.0)

    def normalize(self, images):
        """images [N, 3, H, W] in [0, 1], as normalizeInput."""
        if self.kind == "vgg16":
            return images * 2 - 1
        return self.lrn(images * 255) / 255

    def encode(self, images):
        return self.encoder(self.normalize(images), getattr(self.decoder, "first_unpooled", None))

    def forward(self, images):
        """images [N, 3, H, W] in [0, 1] -> logits [N, K, H, W]."""
        return self.decoder(self.encode(images), images.shape[-2:])


def tf_variables(net):
    """TF.js name -> (tensor, permutation to the engine's layout or None), in definition order."""
    named = {}
    for m in net.modules():
        if hasattr(m, "tf_tensors"):
            for name, entry in m.tf_tensors().items():
                if name in named:
                    raise ValueError(f"two tensors are named {name}")
                named[name] = entry
    return named


def export_tensors(net):
    """TF.js name -> contiguous float32 tensor in the engine's layout."""
    return {n: (t.detach().permute(*p) if p else t.detach()).float().contiguous().cpu()
            for n, (t, p) in tf_variables(net).items()}


def load_tf_variables(net, tensors, only=None):
    """Copies engine-layout tensors by name into the network; returns the names copied."""
    targets = tf_variables(net)
    copied = []
    with torch.no_grad():
        for name, value in tensors.items():
            if name not in targets or (only and not name.startswith(only)):
                continue
            t, p = targets[name]
            v = value.permute(*[p.index(i) for i in range(4)]) if p else value
            if tuple(v.shape) != tuple(t.shape):
                raise ValueError(f"{name}: engine shape {list(value.shape)} does not fit {list(t.shape)}")
            t.copy_(v)
            copied.append(name)
    return copied


def count_learnt(module):
    return sum(p.numel() for p in module.parameters() if p.requires_grad)


def weighted_cross_entropy(logits, labels, class_weights):
    """loss.ts: sum of weighted per-pixel CE over labelled pixels / number of labelled pixels."""
    total = F.cross_entropy(logits, labels, weight=class_weights, ignore_index=VOID_LABEL, reduction="sum")
    return total / (labels != VOID_LABEL).sum().clamp(min=1)
