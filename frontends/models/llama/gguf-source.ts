/**
 * A GGUF file as a WeightSource: its configuration (config.ts) and its tensors as raw bytes over the mapping
 * (frontends/gguf's reader; nothing is copied). Shapes are row-major, outermost first: GGUF's dims reversed
 * (a linear W[out][in], stored with ne0 = in, is `[out, in]`). Files name tensors `<name>.weight`
 * (`blk.0.attn_q.weight`); the source's names drop the suffix (types.ts `tensorNames`), and a file's name without
 * it is found too. A tensor of a ggml type other than f32, f16,
 * bf16 and q8_0 is a LlamaError naming the tensor and its type when it is asked for.
 */
import { GGMLType, type GGUFFile, type GGUFTensorInfo, openGGUF } from "../../gguf/index.ts";
import { configFromGGUF } from "./config.ts";
import { LlamaError, type WeightSource, type WeightTensor, type WeightType } from "./types.ts";

const weightTypes: ReadonlyMap<number, WeightType> = new Map([
  [GGMLType.F32, "f32"],
  [GGMLType.F16, "f16"],
  [GGMLType.BF16, "bf16"],
  [GGMLType.Q8_0, "q8_0"],
]);

/** Maps `path` and reads its configuration; `close()` unmaps it. */
export function openGGUFWeights(path: string): WeightSource {
  const file = openGGUF(path);
  try {
    return new GGUFWeights(file);
  } catch (e) {
    file.close();
    throw e;
  }
}

/** The info of the tensor `name` (`<name>.weight` in llama.cpp's files, or `name` itself). */
function ggufTensorInfo(byName: ReadonlyMap<string, GGUFTensorInfo>, name: string): GGUFTensorInfo | undefined {
  return byName.get(`${name}.weight`) ?? byName.get(name);
}

class GGUFWeights implements WeightSource {
  readonly format = "gguf";
  readonly config;
  readonly weightBytes: number;
  private readonly byName: ReadonlyMap<string, GGUFTensorInfo>;

  constructor(private readonly file: GGUFFile) {
    this.config = configFromGGUF(file);
    this.byName = new Map(file.tensors.map((t) => [t.name, t]));
    this.weightBytes = file.tensors.reduce((sum, t) => sum + t.byteSize, 0);
  }

  get path(): string {
    return this.file.path;
  }

  tensor(name: string): WeightTensor | undefined {
    const info = ggufTensorInfo(this.byName, name);
    if (info === undefined) return undefined;
    const type = weightTypes.get(info.type.id);
    if (type === undefined)
      throw new LlamaError(`${this.file.path}: tensor '${name}' has ggml type ${info.type.name}, which is not supported (f32, f16, bf16 and q8_0 are)`);
    const data = this.file.tensorData(info);
    return { name, type, shape: [...info.dims].reverse(), bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  }

  close(): void {
    this.file.close();
  }
}
