/**
 * memref.alloca_scope as its body inlined between a stack save and a stack restore (MLIR 16's
 * AllocaScopeOpLowering in MemRefToLLVM.cpp): the block holding the scope is split before it, the body's blocks
 * are inlined in between, and the scope's results become arguments of the block after it.
 *
 *   memref.alloca_scope {                          %s = llvm.intr.stacksave : !llvm.ptr<i8>
 *     %a = memref.alloca() : memref<4xf32>         llvm.br ^bb1
 *     ...                                        ^bb1:
 *   }                                              ... (the body, its allocas released below)
 *   "use"()                                        llvm.intr.stackrestore %s
 *                                                  llvm.br ^bb2
 *                                                ^bb2:
 *                                                  "use"()
 *
 * convert-scf-to-openmp wraps each omp.wsloop body in one, so that what an iteration allocates on the stack is
 * released at its end.
 */
import type { Block, Operation } from "../../src/ir/operation.ts";
import { Region } from "../../src/ir/operation.ts";
import type { Type } from "../../src/ir/types.ts";
import { type ConversionRewriter, convert } from "../../src/rewrite/conversion.ts";
import * as L from "../../dialects/llvm/index.ts";
import * as M from "../../dialects/memref/index.ts";
import type { LLVMTypeConverter } from "../llvm-common/type-converter.ts";
import { i8 } from "../../src/ir/types.ts";

/** A new block with `types` arguments just before `block` in its region (MLIR's createBlock(insertBefore, ...)). */
function createBlockBefore(rw: ConversionRewriter, block: Block, types: readonly Type[]): Block {
  const region = block.parent as Region;
  const holder = new Region();
  const created = rw.createBlock(holder, types);
  rw.inlineRegionBefore(holder, region, region.blocks.indexOf(block));
  return created;
}

export const allocaScope = convert({
  name: "memref.alloca_scope-to-llvm",
  root: M.AllocaScopeOp,
  apply(op, _adaptor, rw) {
    const converter = rw.typeConverter as LLVMTypeConverter | undefined;
    const resultTypes = converter?.convertTypes(op.resultTypes);
    if (converter === undefined || resultTypes === undefined) return rw.fail("a result type cannot be converted");
    const body = op.bodyRegion.blocks;
    const [first, last] = [body[0], body.at(-1)];
    if (first === undefined || last === undefined || !(last.last instanceof M.AllocaScopeReturnOp)) return rw.fail("the body does not end in memref.alloca_scope.return");
    const ret = last.last as Operation;
    const current = op.parent as Block;
    const remaining = rw.splitBlock(current, op.next);
    let continueBlock = remaining;
    if (resultTypes.length > 0) {
      continueBlock = createBlockBefore(rw, remaining, resultTypes);
      rw.create(L.BrOp, { destOperands: [], dest: remaining } as never);
    }
    rw.inlineRegionBefore(op.bodyRegion, continueBlock.parent as Region, (continueBlock.parent as Region).blocks.indexOf(continueBlock));
    rw.setInsertionPointToEnd(current);
    const saved = rw.create(L.StackSaveOp, { res: converter.pointerTo(i8) } as never).getResult(0);
    rw.create(L.BrOp, { destOperands: [], dest: first } as never);
    rw.setInsertionPointBefore(ret);
    rw.create(L.StackRestoreOp, { ptr: saved } as never);
    rw.create(L.BrOp, { destOperands: [...ret.operands], dest: continueBlock } as never);
    rw.eraseOp(ret);
    rw.replaceOp(op, continueBlock.args);
    return rw.done();
  },
});
