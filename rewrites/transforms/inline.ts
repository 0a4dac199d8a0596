/**
 * The inliner, as MLIR 16's `inline` pass does it: a call (CallOpInterface) of a callable (CallableOpInterface,
 * e.g. a function with a body) is replaced by the callable's region, whatever their dialects:
 *
 *   func.func private @sq(%x: i32) -> i32 {             func.func @f(%a: i32) -> i32 {
 *     %0 = arith.muli %x, %x : i32                         %0 = arith.muli %a, %a : i32
 *     return %0 : i32                          --inline->    return %0 : i32
 *   }                                                     }
 *   func.func @f(%a: i32) -> i32 {                        (and @sq, now unused, is left for symbol-dce)
 *     %0 = call @sq(%a) : (i32) -> i32
 *     return %0 : i32
 *   }
 *
 * A single-block callee is cloned before the call, the operands of its ReturnLike terminator replacing the
 * call's results. A callee of several blocks splits the caller's block after the call: the callee's entry
 * block is merged into the call's block, its other blocks follow, each ReturnLike terminator becomes a branch to
 * the continuation block, whose arguments replace the call's results: the branch the terminator's dialect
 * builds (`inliner.handleTerminator`, MLIR's DialectInlinerInterface; func's return becomes `cf.br`). A
 * multi-block callee whose returns' dialect has no such hook is not inlined. Inlined ops get `callsite(<callee loc> at <call loc>)`.
 *
 * Callables are processed callees first (the SCCs of the call graph in post-order), so a callee has its own
 * calls inlined before it is inlined elsewhere. Calls to a function on a cycle of the call graph (itself or
 * mutually recursive) are never inlined. A call is also left alone when the callee's body holds an op of a
 * dialect that is not loaded or not registered (MLIR needs each dialect's inliner interface), or when a
 * multi-block callee would land in a region that must keep a single block.
 */
import { type Either, isLeft, left, right } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { type Diagnostic, error } from "../../src/diag/diagnostic.ts";
import type { Context } from "../../src/ir/context.ts";
import { CallSiteLoc, type Location } from "../../src/ir/location.ts";
import { type Block, IRMapping, type Operation, Region } from "../../src/ir/operation.ts";
import { SingleBlock } from "../../src/ir/traits.ts";
import { BlockArgument, type Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { Rewriter, type RewriteListener } from "../../src/rewrite/rewriter.ts";
import { ReturnLike } from "../../src/ir/traits.ts";
import { CallableOpInterface, CallOpInterface, resolveCallable } from "../../src/interfaces/function.ts";

/** A callable op (CallableOpInterface) with a region to inline: a function with a body. */
type Callable = Operation;

export interface InlineOptions {
  /**
   * Runs on a function before each round of inlining into it, and after the last (MLIR's default pipeline,
   * `canonicalize` in the `inline` pass). Left fails the whole inlining. Default: nothing.
   */
  readonly optimize?: (fn: Operation) => Either<Diagnostic, void>;
  /** Rounds of optimize-then-inline per function (MLIR's `max-iterations`, default 4). */
  readonly maxIterations?: number;
  /** Told of every change. */
  readonly listener?: RewriteListener;
}

export interface InlineResult {
  readonly changed: boolean;
  /** Calls replaced by the callee's body. */
  readonly inlinedCalls: number;
}

// ---- the call graph --------------------------------------------------------------------------------------

interface CallGraph {
  /** Every callable with a region under the root, in IR order. */
  readonly nodes: readonly Callable[];
  /** The callables each callable calls directly (resolved by symbol), in IR order, without repeats. */
  readonly callees: ReadonlyMap<Callable, readonly Callable[]>;
}

/** The region a call of `op` runs: undefined when `op` is no callable or has no body. */
function callableRegion(op: Operation | undefined): Region | undefined {
  const region = op === undefined ? undefined : CallableOpInterface.of(op)?.getCallableRegion();
  return region === undefined || region.isEmpty ? undefined : region;
}

/** The callable with a body that `call` (a CallOpInterface op) reaches, if any. */
const calleeWithBody = (call: Operation): Callable | undefined => {
  const callee = resolveCallable(call);
  return callableRegion(callee) === undefined ? undefined : callee;
};

function callGraph(root: Operation): CallGraph {
  const nodes: Callable[] = [];
  root.walk((op) => void (callableRegion(op) !== undefined && nodes.push(op)), "pre");
  const callees = new Map<Callable, Callable[]>();
  for (const fn of nodes) {
    const list: Callable[] = [];
    fn.walk((op) => {
      if (op === fn || CallOpInterface.of(op) === undefined) return;
      const callee = calleeWithBody(op);
      if (callee !== undefined && !list.includes(callee)) list.push(callee);
    });
    callees.set(fn, list);
  }
  return { nodes, callees };
}

/** Tarjan's strongly connected components, each emitted after every component it reaches: callees first. */
function sccsCalleesFirst(graph: CallGraph): Callable[][] {
  const index = new Map<Callable, number>();
  const low = new Map<Callable, number>();
  const stack: Callable[] = [];
  const onStack = new Set<Callable>();
  const out: Callable[][] = [];
  const visit = (v: Callable): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.callees.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: Callable[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      scc.push(w);
      if (w === v) break;
    }
    out.push(scc.reverse());
  };
  for (const fn of graph.nodes) if (!index.has(fn)) visit(fn);
  return out;
}

/** The functions on a cycle of the call graph: in an SCC of several, or calling themselves. */
function recursiveFunctions(graph: CallGraph, sccs: readonly Callable[][]): Set<Callable> {
  const out = new Set<Callable>();
  for (const scc of sccs) {
    const [only] = scc;
    if (scc.length > 1 || (only !== undefined && (graph.callees.get(only) ?? []).includes(only))) for (const f of scc) out.add(f);
  }
  return out;
}

// ---- legality ----------------------------------------------------------------------------------------------

/** Every op of the callee's body belongs to a registered op of a dialect loaded in `ctx`. */
function bodyIsInlinable(body: Region, ctx: Context): boolean {
  let ok = true;
  body.walk((op) => {
    if (op.isRegistered && ctx.dialect(op.dialect) !== undefined) return;
    ok = false;
    return "interrupt";
  });
  return ok;
}

/** Why `call` cannot be inlined, or undefined when it can. */
function refusal(call: Operation, callee: Operation | undefined, recursive: ReadonlySet<Callable>, ctx: Context): string | undefined {
  if (callee === undefined || CallableOpInterface.of(callee) === undefined) return "the callee is not callable";
  const body = callableRegion(callee);
  if (body === undefined) return "the callee is a declaration";
  if (recursive.has(callee)) return "the callee is recursive";
  if (!bodyIsInlinable(body, ctx)) return "the callee holds ops no inliner interface covers";
  const multiBlock = body.blocks.length > 1;
  if (multiBlock && call.parentOp?.hasTrait(SingleBlock) === true) return "a multi-block callee cannot go in a single-block region";
  if (multiBlock && body.blocks.some((b) => b.last?.hasTrait(ReturnLike) === true && terminatorHandler(b.last, ctx) === undefined)) {
    return "a multi-block callee whose returns' dialect cannot turn them into branches";
  }
  return undefined;
}

/** What turns `ret` into a branch when a multi-block callee is inlined: its dialect's inliner hook. */
const terminatorHandler = (ret: Operation, ctx: Context): ((ret: Operation, dest: Block) => Operation) | undefined =>
  ctx.dialect(ret.dialect)?.inliner?.handleTerminator;

// ---- inlining one call -----------------------------------------------------------------------------------

/** Gives every op in `blocks` (nested ones too) the location `callsite(its loc at callLoc)`. */
function remapLocations(blocks: readonly Block[], callLoc: Location): void {
  const cache = new Map<Location, Location>();
  for (const block of blocks) {
    for (const top of block.ops()) {
      top.walk((op) => {
        let loc = cache.get(op.loc);
        if (loc === undefined) cache.set(op.loc, (loc = CallSiteLoc.get(op.loc, callLoc)));
        op.loc = loc;
      });
    }
  }
}

/** Replaces `call` by the body of `callee` (which the caller must have checked with `refusal`). */
export function inlineCall(call: Operation, callee: Callable, rw: Rewriter, ctx: Context): void {
  const callBlock = call.parent;
  const region = callBlock?.parent;
  if (callBlock === undefined || region === undefined) throw new Error("inlineCall: the call is not in a region");
  const callView = CallOpInterface.of(call);
  const calleeBody = callableRegion(callee);
  if (callView === undefined || calleeBody === undefined) throw new Error(`inlineCall: '${call.name}' of '${callee.name}' is no call of a callable with a body`);
  const args = [...callView.getArgOperands()];

  // Clone the callee's body aside, give its ops call-site locations, and make each return a jump.
  const body = new Region();
  calleeBody.cloneInto(body, new IRMapping());
  const blocks = [...body.blocks];
  remapLocations(blocks, call.loc);

  if (blocks.length === 1) {
    const block = blocks[0] as Block;
    const ret = block.last;
    if (ret === undefined || !ret.hasTrait(ReturnLike)) throw new Error("inlineCall: the callee's block does not end in a ReturnLike terminator");
    // Returned entry-block arguments are the call's operands.
    const results = ret.operands.map((v) => (v instanceof BlockArgument && v.owner === block ? (args[v.index] as Value) : v));
    ret.erase();
    rw.inlineBlockBefore(block, callBlock, call, args);
    rw.replaceOp(call, results);
    return;
  }

  const continuation = rw.splitBlock(callBlock, call.next);
  const joined = call.results.map((r) => continuation.addArgument(r.type, call.loc));
  for (const block of blocks) {
    const ret = block.last;
    if (ret === undefined || !ret.hasTrait(ReturnLike)) continue;
    const handle = terminatorHandler(ret, ctx);
    if (handle === undefined) throw new Error(`inlineCall: the dialect of '${ret.name}' cannot turn it into a branch (no inliner handleTerminator)`);
    const br = handle(ret, continuation);
    block.insertBefore(br, ret);
    ret.erase();
  }
  rw.inlineRegionBefore(body, region, region.indexOf(continuation));
  call.results.forEach((r, i) => rw.replaceAllUsesWith(r, joined[i] as Value));
  rw.eraseOp(call);
  rw.mergeBlocks(blocks[0] as Block, callBlock, args);
}

// ---- the pass --------------------------------------------------------------------------------------------

/** The calls in `fn` (at any depth) that can be inlined now, with their callees. */
function inlinableCalls(fn: Callable, recursive: ReadonlySet<Callable>, ctx: Context): [Operation, Callable][] {
  const out: [Operation, Callable][] = [];
  fn.walk((op) => {
    if (op === fn || CallOpInterface.of(op) === undefined) return;
    const callee = resolveCallable(op);
    if (callee !== undefined && refusal(op, callee, recursive, ctx) === undefined) out.push([op, callee]);
  }, "pre");
  return out;
}

/**
 * Inlines every call nested in `root` whose callee can be inlined (see the module comment). Callees
 * that become unused stay: `symbol-dce` erases the private ones.
 */
export function inline(root: Operation, ctx: Context, opts: InlineOptions = {}): Either<Diagnostic, InlineResult> {
  const rw = new Rewriter(opts.listener);
  const maxIterations = opts.maxIterations ?? 4;
  const graph = callGraph(root);
  const sccs = sccsCalleesFirst(graph);
  const recursive = recursiveFunctions(graph, sccs);
  let inlinedCalls = 0;
  for (const scc of sccs) {
    for (const fn of scc) {
      for (let round = 0; round < maxIterations; round++) {
        const optimized = opts.optimize?.(fn);
        if (optimized !== undefined && isLeft(optimized)) return optimized;
        const calls = inlinableCalls(fn, recursive, ctx);
        if (calls.length === 0) break;
        for (const [call, callee] of calls) inlineCall(call, callee, rw, ctx);
        inlinedCalls += calls.length;
      }
    }
  }
  return right({ changed: inlinedCalls > 0, inlinedCalls });
}

/**
 * `inline`: MLIR's Inliner pass. Each function is optimized with `default-pipeline` (canonicalize) before each
 * round of inlining into it and after the last, as MLIR 16 does; `default-pipeline=''` inlines only.
 */
export const inlinePass = definePass({
  name: "inline",
  displayName: "Inliner",
  summary: "Inline function calls",
  description: "Inlines calls of non-recursive callables with a body, callees first; unused callees are left for symbol-dce.",
  options: t.type({ defaultPipeline: t.string, maxIterations: t.Int }),
  defaults: { defaultPipeline: "canonicalize", maxIterations: 4 as t.Int },
  optionDocs: {
    defaultPipeline: "The pipeline run on each function before and after inlining into it",
    maxIterations: "Rounds of optimizing and inlining per function",
  },
  statistics: { "num-inlined-calls": "Number of calls inlined" },
  run(op, pctx, opts) {
    const pipeline = opts.defaultPipeline.trim();
    const optimize =
      pipeline === ""
        ? undefined
        : (fn: Operation): Either<Diagnostic, void> => {
            const r = pctx.runPipeline(fn, pipeline);
            if (!isLeft(r)) return right(undefined);
            const [first, ...rest] = r.left;
            return left(first === undefined ? error(fn.loc, `the inliner's pipeline '${pipeline}' failed`) : { ...first, notes: [...first.notes, ...rest] });
          };
    const r = inline(op, pctx.context, { maxIterations: opts.maxIterations, ...(optimize === undefined ? {} : { optimize }) });
    if (isLeft(r)) return left([r.left]);
    pctx.stat("num-inlined-calls", r.right.inlinedCalls);
    return { changed: r.right.changed };
  },
});
