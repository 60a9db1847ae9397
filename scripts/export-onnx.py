#!/usr/bin/env python3
"""Writes a codingscan model (safetensors + codingscan metadata, docs/model-format.md) as ONNX.

Usage: scripts/export-onnx.py MODEL.safetensors OUT.onnx

The ONNX graph computes the same network: input "x" float32 [batch, 4, length] (channels first,
one-hot A, C, G, T as codingscan encodes them, IUPAC codes fractional), output "p" float32
[batch, 1] = P(coding). conv1d -> Conv (VALID, stride 1), relu -> Relu, maxpool1d -> MaxPool
(kernel = stride = size, floor), subsample1d -> Slice (step = size, floor: the end is computed from
the input's length), global_avg_pool -> GlobalAveragePool + Flatten, dense -> Gemm
(transB = 1, weights in PyTorch layout as in the file), sigmoid -> Sigmoid. batch and length are
symbolic. Reads the file with plain Python and numpy; needs the `onnx` package (PyPI) to write.
"""
import json
import struct
import sys

import numpy as np


def read_model(path):
    """(metadata dict, {tensor name: float32 array}) of a codingscan safetensors file."""
    with open(path, "rb") as f:
        data = f.read()
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + header_length])
    metadata = json.loads(header.pop("__metadata__")["codingscan"])
    buffer = data[8 + header_length:]
    tensors = {}
    for name, entry in header.items():
        if entry["dtype"] != "F32":
            raise SystemExit(f"{path}: tensor {name} is {entry['dtype']}, expected F32")
        begin, end = entry["data_offsets"]
        tensors[name] = np.frombuffer(buffer[begin:end], dtype="<f4").reshape(entry["shape"]).astype(np.float32)
    return metadata, tensors


def build_graph(metadata, tensors):
    """The ONNX model of the layers in `metadata` (opset 17)."""
    from onnx import TensorProto, helper, numpy_helper

    nodes, initializers = [], []
    current = "x"
    for index, layer in enumerate(metadata["layers"]):
        kind = layer["type"]
        out = f"t{index}_{kind}"
        if kind == "conv1d":
            w, b = layer["weight"], layer["bias"]
            initializers += [numpy_helper.from_array(tensors[w], w), numpy_helper.from_array(tensors[b], b)]
            nodes.append(helper.make_node("Conv", [current, w, b], [out], kernel_shape=[layer["kernel"]],
                                          strides=[1], pads=[0, 0]))
        elif kind == "relu":
            nodes.append(helper.make_node("Relu", [current], [out]))
        elif kind == "maxpool1d":
            size = layer["size"]
            nodes.append(helper.make_node("MaxPool", [current], [out], kernel_shape=[size], strides=[size]))
        elif kind == "subsample1d":
            size = layer["size"]
            consts = {f"t{index}_{n}": np.array(v, dtype=np.int64)
                      for n, v in [("axis", [2]), ("size", [size]), ("zero", [0])]}
            initializers += [numpy_helper.from_array(v, n) for n, v in consts.items()]
            shape, length, groups, end = (f"t{index}_{n}" for n in ("shape", "length", "groups", "end"))
            nodes += [
                helper.make_node("Shape", [current], [shape]),
                helper.make_node("Gather", [shape, f"t{index}_axis"], [length], axis=0),
                helper.make_node("Div", [length, f"t{index}_size"], [groups]),
                helper.make_node("Mul", [groups, f"t{index}_size"], [end]),
                helper.make_node("Slice", [current, f"t{index}_zero", end, f"t{index}_axis", f"t{index}_size"],
                                 [out]),
            ]
        elif kind == "global_avg_pool":
            pooled = f"t{index}_gap3d"
            nodes.append(helper.make_node("GlobalAveragePool", [current], [pooled]))
            nodes.append(helper.make_node("Flatten", [pooled], [out], axis=1))
        elif kind == "dense":
            w, b = layer["weight"], layer["bias"]
            initializers += [numpy_helper.from_array(tensors[w], w), numpy_helper.from_array(tensors[b], b)]
            nodes.append(helper.make_node("Gemm", [current, w, b], [out], transB=1))
        elif kind == "sigmoid":
            out = "p"
            nodes.append(helper.make_node("Sigmoid", [current], [out]))
        else:
            raise SystemExit(f"unknown layer type {kind}")
        current = out
    graph = helper.make_graph(
        nodes, metadata["name"],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 4, "length"])],
        [helper.make_tensor_value_info("p", TensorProto.FLOAT, ["batch", 1])],
        initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                              producer_name="codingscan scripts/export-onnx.py")
    model.ir_version = 8
    return model


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: scripts/export-onnx.py MODEL.safetensors OUT.onnx")
    import onnx

    metadata, tensors = read_model(sys.argv[1])
    model = build_graph(metadata, tensors)
    onnx.checker.check_model(model)
    onnx.save(model, sys.argv[2])
    print(f"wrote {sys.argv[2]}: {metadata['name']}, window {metadata['window']}, "
          f"{len(metadata['layers'])} layers")


if __name__ == "__main__":
    main()
