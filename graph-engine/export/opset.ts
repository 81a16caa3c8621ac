/** The ONNX opset every export targets: the builder writes it, and the app and CLI name it. */
export const ONNX_OPSET = 13;
