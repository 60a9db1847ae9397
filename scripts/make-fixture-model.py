#!/usr/bin/env python3
"""Writes the test fixtures of the Model module (dev-time only; tests read the checked-in files).

  fixtures/models/tiny.safetensors   a tiny network with random, fixed weights (not trained)
  fixtures/models/tiny-expected.tsv  sequences with P(coding) on both strands, computed here with an
                                     independent numpy forward pass (float64 over the float32 weights)
  fixtures/models/bad/*.safetensors  deliberately broken model files for the error tests

Architecture: conv1d(4->6, k=5), relu, maxpool1d(2), conv1d(6->8, k=3), relu, global_avg_pool,
dense(8->4), relu, dense(4->1), sigmoid. Everything is deterministic (fixed seed, no clock).

Usage: python3 scripts/make-fixture-model.py   (from the repository root; needs numpy)
"""
import json
import os
import struct

import numpy as np

SEED = 20240601
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "models")

# IUPAC code -> the bases it allows (A, C, G, T); U reads as T. Independent of the Swift bit masks.
IUPAC = {
    "A": "A", "C": "C", "G": "G", "T": "T", "U": "T",
    "R": "AG", "Y": "CT", "S": "CG", "W": "AT", "K": "GT", "M": "AC",
    "B": "CGT", "D": "AGT", "H": "ACT", "V": "ACG", "N": "ACGT",
}
COMPLEMENT = {
    "A": "T", "C": "G", "G": "C", "T": "A", "U": "A",
    "R": "Y", "Y": "R", "S": "S", "W": "W", "K": "M", "M": "K",
    "B": "V", "V": "B", "D": "H", "H": "D", "N": "N",
}


def one_hot(seq):
    """[length][4] float64; an ambiguity code spreads 1 evenly over the bases it allows."""
    x = np.zeros((len(seq), 4))
    for t, ch in enumerate(seq.upper()):
        allowed = IUPAC[ch]
        for base in allowed:
            x[t, "ACGT".index(base)] = 1.0 / len(allowed)
    return x


def reverse_complement(seq):
    return "".join(COMPLEMENT[ch.upper()] for ch in reversed(seq))


def conv1d(x, w, b):
    """x [L][in], w [out][in][k] (PyTorch layout) -> [L-k+1][out]; valid, stride 1."""
    k = w.shape[2]
    windows = np.lib.stride_tricks.sliding_window_view(x, k, axis=0)  # [L-k+1][in][k]
    return np.einsum("tij,oij->to", windows, w) + b


def maxpool1d(x, p):
    n = x.shape[0] // p
    return x[: n * p].reshape(n, p, x.shape[1]).max(axis=1)


def forward(seq, params):
    """Independent numpy forward pass in float64; returns P(coding)."""
    w = {k: v.astype(np.float64) for k, v in params.items()}
    h = np.maximum(conv1d(one_hot(seq), w["conv1.weight"], w["conv1.bias"]), 0)
    h = maxpool1d(h, 2)
    h = np.maximum(conv1d(h, w["conv2.weight"], w["conv2.bias"]), 0)
    v = h.mean(axis=0)
    v = np.maximum(w["fc1.weight"] @ v + w["fc1.bias"], 0)
    z = (w["fc2.weight"] @ v + w["fc2.bias"])[0]
    return 1.0 / (1.0 + np.exp(-z))


def test_sequences():
    """~20 deterministic sequences of lengths 20..200 with varied composition, N, IUPAC, lowercase."""
    rng = np.random.default_rng(SEED + 1)

    def rand(n, probs=(0.25, 0.25, 0.25, 0.25)):
        return "".join(rng.choice(list("ACGT"), size=n, p=probs))

    seqs = [
        ("random20", rand(20)),
        ("random21", rand(21)),
        ("gc_rich59", rand(59, (0.1, 0.4, 0.4, 0.1))),
        ("at_rich60", rand(60, (0.4, 0.1, 0.1, 0.4))),
        ("random60", rand(60)),
        ("random61", rand(61)),
        ("random100", rand(100)),
        ("random200", rand(200)),
        ("poly_a60", "A" * 60),
        ("poly_g21", "G" * 21),
        ("codon_repeat60", "ATGGCC" * 10),
        ("dinuc_ca100", "CA" * 50),
        ("lower60", rand(60).lower()),
        ("mixed_case61", "".join(c.lower() if i % 3 == 0 else c for i, c in enumerate(rand(61)))),
        ("n_run60", rand(20) + "N" * 20 + rand(20)),
        ("all_n20", "N" * 20),
        ("iupac100", "".join(rng.choice(list("ACGTRYSWKMBDHVN"), size=100))),
        ("iupac_lower59", "".join(rng.choice(list("acgtrykmn"), size=59))),
        ("u_for_t21", rand(21).replace("T", "U")),
        ("gc_rich200", rand(200, (0.05, 0.45, 0.45, 0.05))),
        ("at_rich100", rand(100, (0.45, 0.05, 0.05, 0.45))),
    ]
    return seqs


def make_params():
    rng = np.random.default_rng(SEED)
    f32 = np.float32
    p = {
        "conv1.weight": rng.normal(0, 0.6, (6, 4, 5)),
        "conv1.bias": rng.normal(0, 0.1, (6,)),
        "conv2.weight": rng.normal(0, 0.5, (8, 6, 3)),
        "conv2.bias": rng.normal(0, 0.1, (8,)),
        "fc1.weight": rng.normal(0, 0.8, (4, 8)),
        "fc1.bias": rng.normal(0, 0.1, (4,)),
        "fc2.weight": rng.normal(0, 1.0, (1, 4)),
        "fc2.bias": np.zeros((1,)),
    }
    p = {k: v.astype(f32) for k, v in p.items()}
    # Calibrate the last layer on the test sequences (both strands) so outputs spread around 0.5
    # without saturating: logits are rescaled to a spread (std) of 1.0 and centred on their median.
    logits = []
    for _, seq in test_sequences():
        for s in (seq, reverse_complement(seq)):
            prob = forward(s, p)
            logits.append(np.log(prob / (1 - prob)))
    logits = np.array(logits)
    scale = 1.0 / logits.std()
    p["fc2.weight"] = (p["fc2.weight"].astype(np.float64) * scale).astype(f32)
    centre = np.median(logits * scale)
    p["fc2.bias"] = np.array([-centre], dtype=np.float64).astype(f32)
    return p


def layers():
    return [
        {"type": "conv1d", "in": 4, "out": 6, "kernel": 5, "weight": "conv1.weight", "bias": "conv1.bias"},
        {"type": "relu"},
        {"type": "maxpool1d", "size": 2},
        {"type": "conv1d", "in": 6, "out": 8, "kernel": 3, "weight": "conv2.weight", "bias": "conv2.bias"},
        {"type": "relu"},
        {"type": "global_avg_pool"},
        {"type": "dense", "in": 8, "out": 4, "weight": "fc1.weight", "bias": "fc1.bias"},
        {"type": "relu"},
        {"type": "dense", "in": 4, "out": 1, "weight": "fc2.weight", "bias": "fc2.bias"},
        {"type": "sigmoid"},
    ]


def metadata(**overrides):
    meta = {
        "format_version": 1,
        "name": "tiny-fixture",
        "encoding": "acgt-iupac-fractional",
        "window": 60,
        "step": 20,
        "min_length": 20,
        "max_window": 100000,
        "layers": layers(),
        "provenance": {
            "purpose": "test fixture with random fixed weights; not trained, predictions are meaningless",
            "command": "python3 scripts/make-fixture-model.py",
            "weights": {"distribution": "normal, last layer calibrated to spread outputs", "seed": SEED},
        },
    }
    meta.update(overrides)
    return meta


def canonical(obj):
    """Canonical compact JSON, sorted keys: the same bytes the Swift serializer writes."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def safetensors(entries, meta_string, pad=True):
    """entries: name -> (dtype, shape, raw bytes). Tensors in name order, header padded to 8."""
    header = {}
    if meta_string is not None:
        header["__metadata__"] = {"codingscan": meta_string}
    data = b""
    for name in sorted(entries):
        dtype, shape, raw = entries[name]
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = canonical(header).encode("utf-8")
    if pad:
        text += b" " * ((-(8 + len(text))) % 8)
    return struct.pack("<Q", len(text)) + text + data


def f32_entries(params):
    return {k: ("F32", v.shape, v.astype("<f4").tobytes()) for k, v in params.items()}


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    params = make_params()
    good = safetensors(f32_entries(params), canonical(metadata()))
    write(os.path.join(OUT, "tiny.safetensors"), good)

    lines = ["name\tsequence\tp_forward\tp_reverse_complement"]
    for name, seq in test_sequences():
        pf = forward(seq, params)
        pr = forward(reverse_complement(seq), params)
        lines.append("%s\t%s\t%.9g\t%.9g" % (name, seq, pf, pr))
    with open(os.path.join(OUT, "tiny-expected.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")

    bad = os.path.join(OUT, "bad")
    os.makedirs(bad, exist_ok=True)
    meta = canonical(metadata())
    header_len = struct.unpack("<Q", good[:8])[0]

    def variant(**changes):
        e = f32_entries(params)
        for k, v in changes.items():
            k = k.replace("__", ".")
            if v is None:
                del e[k]
            else:
                e[k] = v
        return e

    files = {
        "too-short": b"\x10\x00\x00\x00\x00",
        "truncated-header": good[: 8 + header_len // 2],
        "truncated": good[: 8 + header_len + 600],
        "huge-header": struct.pack("<Q", 1 << 60) + b"{}",
        "not-json-header": struct.pack("<Q", 16) + b"this is not json",
        "no-metadata": safetensors(f32_entries(params), None),
        "wrong-dtype": safetensors(variant(conv1__bias=("F16", (6,), np.zeros(6, "<f2").tobytes())), meta),
        "wrong-shape": safetensors(
            variant(conv1__weight=("F32", (6, 4, 3), params["conv1.weight"][:, :, :3].astype("<f4").tobytes())),
            meta),
        "huge-shape": safetensors(variant(fc2__bias=("F32", (1 << 40, 1 << 40, 1 << 40), b"\0" * 4)), meta),
        "missing-tensor": safetensors(variant(fc1__bias=None), meta),
        "extra-tensor": safetensors(variant(bn1__weight=("F32", (6,), np.ones(6, "<f4").tobytes())), meta),
        "bad-metadata-json": safetensors(f32_entries(params), "{not json"),
        "wrong-encoding": safetensors(f32_entries(params), canonical(metadata(encoding="onehot-acgt"))),
        "min-length-too-small": safetensors(f32_entries(params), canonical(metadata(min_length=5))),
    }
    chain = layers()
    chain[3] = dict(chain[3], **{"in": 5})
    files["bad-chain"] = safetensors(f32_entries(params), canonical(metadata(layers=chain)))

    # Non-finite weights must be refused at load, naming the tensor.
    def poisoned(name, index, value):
        e = f32_entries(params)
        values = params[name].copy().reshape(-1)
        values[index] = value
        e[name] = ("F32", params[name].shape, values.astype("<f4").tobytes())
        return safetensors(e, meta)
    files["nan-weight"] = poisoned("conv2.weight", 7, np.nan)
    files["inf-weight"] = poisoned("fc1.weight", 3, np.inf)
    files["nan-bias"] = poisoned("fc2.bias", 0, np.nan)
    # Duplicate keys are errors, not "first wins": in the metadata, and as a tensor name in the header.
    files["duplicate-metadata-key"] = safetensors(f32_entries(params), '{"window":120,' + meta[1:])
    dup = good[8: 8 + header_len].decode().rstrip(" ")
    first = dup.index('"conv1.bias":')
    entry_end = dup.index("}", first) + 1
    dup = dup[:entry_end] + "," + dup[first:entry_end] + dup[entry_end:]
    text = dup.encode() + b" " * ((-(8 + len(dup))) % 8)
    files["duplicate-tensor"] = struct.pack("<Q", len(text)) + text + good[8 + header_len:]
    # Valid JSON nested 100 deep in the provenance: "too deep", not "not JSON".
    deep = {}
    for _ in range(100):
        deep = {"d": [deep]}
    files["deep-json"] = safetensors(f32_entries(params), canonical(metadata(provenance=deep)))
    # Declared sizes above the documented caps, refused before any allocation (the tensors are the
    # tiny model's: the caps are checked first).
    wide = layers()
    wide[0] = dict(wide[0], out=200000)
    files["huge-channels"] = safetensors(f32_entries(params), canonical(metadata(layers=wide)))
    long_kernel = layers()
    long_kernel[0] = dict(long_kernel[0], kernel=200000)
    files["huge-kernel"] = safetensors(f32_entries(params), canonical(metadata(layers=long_kernel)))
    heavy = layers()
    heavy[0] = dict(heavy[0], out=1024)
    heavy[3] = dict(heavy[3], **{"in": 1024, "out": 1024, "kernel": 17})
    files["too-many-parameters"] = safetensors(f32_entries(params), canonical(metadata(layers=heavy)))
    files["huge-max-window"] = safetensors(f32_entries(params), canonical(metadata(max_window=1 << 30)))

    # data_offsets far beyond the buffer: patch the header of a good file by hand.
    huge = json.loads(good[8: 8 + header_len])
    huge["conv1.bias"]["data_offsets"] = [0, 1 << 60]
    text = canonical(huge).encode()
    text += b" " * ((-(8 + len(text))) % 8)
    files["huge-offsets"] = struct.pack("<Q", len(text)) + text + good[8 + header_len:]

    for name, data in sorted(files.items()):
        write(os.path.join(bad, name + ".safetensors"), data)


if __name__ == "__main__":
    main()
