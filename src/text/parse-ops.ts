/**
 * Operations, regions and blocks (MLIR 16's OperationParser), with SSA name resolution:
 *
 *   operation ::= (result (`,` result)* `=`)? (generic-op | custom-op) (`loc` `(` location `)`)?
 *   result    ::= `%`name (`:` integer)?
 *   generic-op ::= string `(` uses `)` (`[` successors `]`)? (`(` region (`,` region)* `)`)? dict? `:` fn-type
 *   custom-op  ::= bare-id <whatever the op's parse hook reads>
 *   region    ::= `{` block* `}`        block ::= (`^`name (`(` (`%`arg `:` type loc?)* `)`)? `:`)? operation*
 *
 * Names live in scopes as in MLIR: each region opens a nested scope (its definitions disappear when it
 * closes, so sibling regions may reuse names) and sees the values of enclosing regions; uses may precede
 * definitions anywhere (a placeholder value stands in until the definition, and a name never defined is
 * reported at the end). Only a hook asking for name shadowing opens an isolated scope. Whether a use is
 * legal (dominance, IsolatedFromAbove) is the verifier's business, as in MLIR.
 */
import type { Attribute } from "../ir/attributes.ts";
import { FileLineColLoc, Location } from "../ir/location.ts";
import { Block, Operation, Region } from "../ir/operation.ts";
import { Terminator } from "../ir/traits.ts";
import { FunctionType, type Type } from "../ir/types.ts";
import type { BlockArgument, Value } from "../ir/value.ts";
import { populateDefaultAttrs } from "../irdl/define-op.ts";
import type { OperationState, ParsedArgument, SourcePos, UnresolvedOperand } from "./asm-interfaces.ts";
import { CustomOpParser } from "./custom-op-parser.ts";
import type { Source, Token } from "./lexer.ts";
import { parseAttributeDict } from "./parse-attrs.ts";
import { parseLocationInstance } from "./parse-locations.ts";
import { CoreParser } from "./parser-core.ts";
import { printAttribute, printType } from "./print-attr.ts";

/** Stands for `loc(#alias)` until the alias, defined further down the file, is known. */
export class DeferredLoc extends Location {
  readonly kind = "loc_deferred";
  private static serial = 0;
  constructor(
    readonly alias: string,
    readonly at: FileLineColLoc,
  ) {
    super(-1 - DeferredLoc.serial++);
  }
}

/**
 * Where something was written: an offset into the source, or the location a hook gave an operand it made
 * itself. Offsets become locations only when an error needs one (interning a location per use is costly).
 */
type Pos = number | Location;

/** An operand as parsed from the source; its location is computed when asked for. */
class SourceOperand implements UnresolvedOperand {
  constructor(
    readonly name: string,
    readonly number: number,
    readonly offset: number,
    private readonly source: Source,
  ) {}
  get loc(): Location {
    return this.source.loc(this.offset);
  }
}

const posOf = (use: UnresolvedOperand): Pos => (use instanceof SourceOperand ? use.offset : use.loc);

interface ValueDefinition {
  readonly value: Value;
  readonly pos: Pos;
}

/** An isolated name scope: the values visible by name, and which names each nested scope defined. */
class IsolatedScope {
  readonly values = new Map<string, (ValueDefinition | undefined)[]>();
  readonly definitionsPerScope: Set<string>[] = [];
}

/** `%name:count` on the left of `=`. */
interface ResultGroup {
  readonly name: string;
  readonly count: number;
  readonly offset: number;
}

export class OperationParser extends CoreParser {
  private readonly isolatedScopes: IsolatedScope[] = [];
  private readonly blocksByName: Map<string, Block>[] = [];
  private readonly forwardRefBlocks: Map<Block, Pos>[] = [];
  /** Placeholder values of uses that precede their definitions, with the location of the first use. */
  private readonly placeholders = new Map<Value, Pos>();
  private readonly deferredLocs: DeferredLoc[] = [];

  // ---- SSA names -------------------------------------------------------------------------------------------

  pushScope(isolated: boolean): void {
    this.blocksByName.push(new Map());
    this.forwardRefBlocks.push(new Map());
    if (isolated || this.isolatedScopes.length === 0) this.isolatedScopes.push(new IsolatedScope());
    this.topScope().definitionsPerScope.push(new Set());
  }

  popScope(): void {
    const forward = this.forwardRefBlocks.pop() as Map<Block, Pos>;
    if (forward.size > 0) this.emitError("reference to an undefined block", this.firstOf(forward.values()));
    const scope = this.topScope();
    if (scope.definitionsPerScope.length === 1) this.isolatedScopes.pop();
    else for (const name of scope.definitionsPerScope.pop() as Set<string>) scope.values.delete(name);
    this.blocksByName.pop();
  }

  private topScope(): IsolatedScope {
    return this.isolatedScopes[this.isolatedScopes.length - 1] as IsolatedScope;
  }

  private entriesOf(name: string): (ValueDefinition | undefined)[] {
    const scope = this.topScope();
    let entries = scope.values.get(name);
    if (entries === undefined) scope.values.set(name, (entries = []));
    return entries;
  }

  /** `%name` or `%name#3` (a result number only when allowed). */
  parseSSAUse(allowResultNumber = true): UnresolvedOperand {
    const tok = this.tok;
    const name = this.spelling();
    this.expect("percent_identifier", "expected SSA operand");
    let number = 0;
    if (this.is("hash_identifier")) {
      if (!allowResultNumber) this.emitError("result number not allowed in argument list");
      const text = this.spelling().slice(1);
      if (!/^[0-9]+$/.test(text) || Number(text) > 0xffff_ffff) this.emitError("invalid SSA value result number");
      number = Number(text);
      this.consume();
    }
    return new SourceOperand(name, number, tok.start, this.source);
  }

  /** A list of uses, empty when the next token is not `%...`. */
  parseOptionalSSAUseList(): UnresolvedOperand[] {
    const uses: UnresolvedOperand[] = [];
    if (!this.is("percent_identifier")) return uses;
    this.commaSeparated("none", () => uses.push(this.parseSSAUse()));
    return uses;
  }

  /** `%a, %b : t1, t2` (nothing when there is no use): the operands of a successor. */
  parseOptionalSSAUseAndTypeList(into: Value[]): void {
    const uses = this.parseOptionalSSAUseList();
    if (uses.length === 0) return;
    this.expect(":", "expected ':' in operand list");
    const types = this.parseTypeList();
    if (uses.length !== types.length) this.emitError(`expected ${uses.length} types to match operand list`);
    uses.forEach((u, i) => into.push(this.resolveSSAUse(u, types[i] as Type)));
  }

  /** The value a use names, or a placeholder of `type` until its definition is parsed. */
  resolveSSAUse(use: UnresolvedOperand, type: Type): Value {
    const pos = posOf(use);
    const entries = this.entriesOf(use.name);
    const known = entries[use.number];
    if (known !== undefined) {
      if (known.value.type === type) return known.value;
      this.emitError(
        `use of value '${use.name}' expects different type than prior uses: '${printType(type)}' vs '${printType(known.value.type)}'`,
        pos,
        [this.noteAt(known.pos, "prior use here")],
      );
    }
    const first = entries[0];
    if (first !== undefined && !this.placeholders.has(first.value)) this.emitError("reference to invalid result number", pos);
    const placeholder = new Operation({ name: "builtin.unrealized_conversion_cast", resultTypes: [type] }).getResult(0);
    this.placeholders.set(placeholder, pos);
    entries[use.number] = { value: placeholder, pos };
    return placeholder;
  }

  /** Binds a name to a value, replacing a placeholder left by earlier uses. */
  addDefinition(use: UnresolvedOperand, value: Value): void {
    const pos = posOf(use);
    const entries = this.entriesOf(use.name);
    const existing = entries[use.number];
    if (existing !== undefined) {
      if (!this.placeholders.has(existing.value)) {
        this.emitError(`redefinition of SSA value '${use.name}'`, pos, [this.noteAt(existing.pos, "previously defined here")]);
      }
      if (existing.value.type !== value.type) {
        this.emitError(`definition of SSA value '${use.name}#${use.number}' has type '${printType(value.type)}'`, pos, [
          this.noteAt(existing.pos, `previously used here with type '${printType(existing.value.type)}'`),
        ]);
      }
      existing.value.replaceAllUsesWith(value);
      this.placeholders.delete(existing.value);
    }
    entries[use.number] = { value, pos };
    (this.topScope().definitionsPerScope.at(-1) as Set<string>).add(use.name);
  }

  /** Where a name was defined in the current isolated scope, if it was (not merely used). */
  private definitionPos(use: UnresolvedOperand): Pos | undefined {
    return this.topScope().values.get(use.name)?.[use.number]?.pos;
  }

  /** The earliest of several positions (errors about many places report the first, by source order). */
  private firstOf(positions: Iterable<Pos>): Location {
    const locs = [...positions].map((p) => (typeof p === "number" ? this.locAt(p) : p));
    const key = (l: Location): [number, number] => (l instanceof FileLineColLoc ? [l.line, l.col] : [0, 0]);
    locs.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
    return locs[0] as Location;
  }

  // ---- operations ------------------------------------------------------------------------------------------

  /** Parses one operation and appends it to `block`. */
  parseOperation(block: Block): void {
    const start = this.tok;
    const groups: ResultGroup[] = [];
    let expected = 0;
    if (this.is("percent_identifier")) {
      this.commaSeparated("none", () => {
        const nameTok = this.expect("percent_identifier", "expected valid ssa identifier");
        let count = 1;
        if (this.consumeIf(":")) {
          if (!this.is("integer")) this.emitWrongTokenError("expected integer number of results");
          const v = this.integerValue();
          if (v < 1n) this.emitError("expected named operation to have at least 1 result");
          if (v > 0xffff_ffffn) this.emitError("too many results");
          this.consume();
          count = Number(v);
        }
        groups.push({ name: this.spelling(nameTok), count, offset: nameTok.start });
        expected += count;
      });
      this.expect("=", "expected '=' after SSA name");
    }

    let op: Operation;
    if (this.is("bare_identifier")) op = this.parseCustomOperation(block);
    else if (this.is("string")) op = this.parseGenericOperation(block);
    else return this.emitWrongTokenError("expected operation name in quotes");

    if (groups.length === 0) return;
    if (op.numResults === 0) this.emitError("cannot name an operation with no results", start);
    if (expected !== op.numResults) {
      this.emitError(`operation defines ${op.numResults} results but was provided ${expected} to bind`, start);
    }
    let index = 0;
    for (const g of groups) {
      for (let i = 0; i < g.count; i++) this.addDefinition(new SourceOperand(g.name, i, g.offset, this.source), op.getResult(index++));
    }
  }

  private parseGenericOperation(block: Block): Operation {
    const nameTok = this.tok;
    const name = this.stringValue();
    if (name === "") this.emitError("empty operation name is invalid");
    if (name.includes("\0")) this.emitError("null character not allowed in operation name");
    this.consume();

    const cls = this.ctx.lookupOp(name);
    if (cls === undefined) {
      const dialect = name.split(".")[0] as string;
      if (this.ctx.dialect(dialect) !== undefined) {
        this.emitError(`unregistered operation '${name}' found in dialect ('${dialect}') that does not allow unknown operations`, nameTok);
      }
      if (!this.ctx.allowUnregisteredDialects) {
        this.emitError(
          "operation being parsed with an unregistered dialect. If this is intended, please use -allow-unregistered-dialect with the MLIR tool used",
        );
      }
    }
    const state = new ParsedOperationState(name, this.source, this.tokenPos(nameTok));
    this.parseGenericOperationAfterOpName(state, cls);
    const op = this.createOperation(cls, state, nameTok);
    block.append(op);
    this.parseTrailingLocation(op);
    return op;
  }

  private parseGenericOperationAfterOpName(state: OperationState, cls: typeof Operation | undefined): void {
    this.expect("(", "expected '(' to start operand list");
    const uses = this.parseOptionalSSAUseList();
    this.expect(")", "expected ')' to end operand list");

    if (this.is("[")) {
      if (cls?.info !== undefined && !cls.info.traits.has(Terminator)) this.emitError("successors in non-terminator");
      this.consume();
      this.commaSeparatedUntil("]", () => state.successors.push(this.parseSuccessor()), false);
    }
    if (this.consumeIf("(")) {
      do {
        const region = new Region();
        this.parseRegion(region, [], false);
        state.regions.push(region);
      } while (this.consumeIf(","));
      this.expect(")", "expected ')' to end region list");
    }
    if (this.is("{")) for (const e of parseAttributeDict(this)) state.attributes.set(e.name, e.value);

    this.expect(":", "expected ':' followed by operation type");
    const typeTok = this.tok;
    const type = this.parseType();
    if (!(type instanceof FunctionType)) return this.emitError("expected function type", typeTok);
    state.resultTypes.push(...type.results);
    if (type.inputs.length !== uses.length) {
      this.emitError(`expected ${uses.length} operand type${uses.length === 1 ? "" : "s"} but had ${type.inputs.length}`, typeTok);
    }
    uses.forEach((u, i) => state.operands.push(this.resolveSSAUse(u, type.inputs[i] as Type)));
  }

  private parseCustomOperation(block: Block): Operation {
    const nameTok = this.tok;
    const original = this.spelling();
    this.consume();
    let name = original;
    let cls = this.ctx.lookupOp(name);
    if (cls === undefined && !original.includes(".")) {
      name = `${this.state.defaultDialects.at(-1) ?? ""}.${original}`;
      cls = this.ctx.lookupOp(name);
    }
    const tried = original !== name ? ` (tried '${name}' as well)` : "";
    if (cls === undefined) {
      const dialect = name.split(".")[0] as string;
      if (this.ctx.dialect(dialect) === undefined) {
        const loaded = this.ctx.dialects.map((d) => d.name).sort().join(", ");
        this.emitError(`Dialect \`${dialect}' not found for custom op '${original}' ${tried}`, nameTok, [
          this.noteAt(
            this.tokenLoc(nameTok),
            `Registered dialects: ${loaded} ; for more info on dialect registration see https://mlir.llvm.org/getting_started/Faq/#registered-loaded-dependent-whats-up-with-dialects-management`,
          ),
        ]);
      }
      this.emitError(`custom op '${original}' is unknown${tried}`, nameTok);
    }
    const info = cls.info;
    const hooks = info?.asm;
    if (info === undefined || hooks === undefined) this.emitError(`custom op '${name}' has no custom assembly form`, nameTok);
    // MLIR's OpAsmOpInterface::getDefaultDialect: "func" inside func.func, so `return` means `func.return`.
    const defaultDialect = info.defaultDialect ?? "";

    const state = new ParsedOperationState(name, this.source, nameTok.start);
    const parser = new CustomOpParser(this, name, nameTok.start);
    this.state.defaultDialects.push(defaultDialect);
    try {
      hooks.parse(parser, state);
    } finally {
      this.state.defaultDialects.pop();
    }
    const duplicate = state.attributes.duplicate;
    if (duplicate !== undefined) parser.error(`attribute '${duplicate}' occurs more than once in the attribute list`, nameTok.start);
    const op = this.createOperation(cls, state, nameTok);
    block.append(op);
    this.parseTrailingLocation(op);
    return op;
  }

  /** Every op the parser makes, generic or custom, is created here; registered ops get their default attributes. */
  private createOperation(cls: typeof Operation | undefined, state: ParsedOperationState, at: Token): Operation {
    populateDefaultAttrs(cls?.info, state.attributes);
    const init = {
      // A registered op's name is its class's (one string for all of them, not a copy per parsed op).
      name: cls?.info?.name ?? state.name,
      operands: state.operands,
      resultTypes: state.resultTypes,
      attributes: state.attributes,
      regions: state.regions,
      successors: state.successors,
    };
    const op = this.construct(at, () => (cls !== undefined ? new cls(init) : new Operation(init)));
    const line = this.source.line(state.namePos);
    op.setFileLocation(this.source.file, line, this.source.column(state.namePos, line));
    return op;
  }

  // ---- locations -------------------------------------------------------------------------------------------

  /** `loc(...)` after an operation or block argument: sets its location. */
  parseTrailingLocation(target: Operation | BlockArgument): void {
    const loc = this.parseOptionalLocationSpecifier();
    if (loc !== undefined) target.loc = loc;
  }

  /** `loc(location)` or `loc(#alias)`, where the alias may be defined later in the file. */
  parseOptionalLocationSpecifier(): Location | undefined {
    if (!this.consumeKeyword("loc")) return undefined;
    this.expect("(", "expected '(' in location");
    let loc: Location;
    if (this.is("hash_identifier") && !this.spelling().includes(".")) loc = this.parseLocationAlias();
    else loc = parseLocationInstance(this);
    this.expect(")", "expected ')' in location");
    return loc;
  }

  private parseLocationAlias(): Location {
    const tok = this.consume();
    const name = this.spelling(tok).slice(1);
    const attr = this.state.attrAliases.get(name);
    if (attr === undefined) {
      const deferred = new DeferredLoc(name, this.tokenLoc(tok));
      this.deferredLocs.push(deferred);
      return deferred;
    }
    if (!(attr instanceof Location)) this.emitError(`expected location, but found '${printAttribute(attr)}'`, tok);
    return attr;
  }

  /** Replaces the deferred locations of the ops and block arguments under `ops` by their aliases' values. */
  private resolveDeferredLocs(ops: Iterable<Operation>): void {
    if (this.deferredLocs.length === 0) return;
    const resolve = (loc: Location): Location => {
      if (!(loc instanceof DeferredLoc)) return loc;
      const attr: Attribute | undefined = this.state.attrAliases.get(loc.alias);
      if (attr === undefined) return this.emitError("operation location alias was never defined", loc.at);
      if (!(attr instanceof Location)) return this.emitError(`expected location, but found '${printAttribute(attr)}'`, loc.at);
      return attr;
    };
    for (const top of ops) {
      top.walk((op) => {
        op.loc = resolve(op.loc);
        for (const r of op.regions) for (const b of r.blocks) for (const a of b.args) a.loc = resolve(a.loc);
      }, "pre");
    }
  }

  // ---- regions and blocks ----------------------------------------------------------------------------------

  /**
   * `{ blocks }` into `region`. Named `entryArgs` become the entry block's arguments; `isolated` starts a
   * scope that does not see enclosing names (MLIR's enableNameShadowing).
   */
  parseRegion(region: Region, entryArgs: readonly ParsedArgument[], isolated: boolean): void {
    this.expect("{", "expected '{' to begin a region");
    this.nested(() => {
      if (entryArgs.length > 0 || !this.is("}")) this.parseRegionBody(region, entryArgs, isolated);
    });
    this.consume(); // the `}` that ended the body
  }

  private parseRegionBody(region: Region, entryArgs: readonly ParsedArgument[], isolated: boolean): void {
    this.pushScope(isolated);
    const entry = new Block();
    const named = entryArgs.length > 0 && entryArgs[0]?.operand.name !== "";
    if (named) {
      if (this.is("caret_identifier")) this.emitError("invalid block name in region with named arguments");
      for (const arg of entryArgs) {
        const prior = this.definitionPos(arg.operand);
        if (prior !== undefined) {
          this.emitError(`region entry argument '${arg.operand.name}' is already in use`, arg.operand.loc, [
            this.noteAt(prior, "previously referenced here"),
          ]);
        }
        if (arg.type === undefined) this.emitError(`region entry argument '${arg.operand.name}' has no type`, arg.operand.loc);
        const value = entry.addArgument(arg.type, arg.loc ?? arg.operand.loc);
        this.addDefinition(arg.operand, value);
      }
    }
    const first = this.parseBlock(entry);
    if (entryArgs.length > 0 && first.args.length > entryArgs.length) this.emitError("entry block arguments were already defined");
    region.push(first);
    while (!this.is("}")) {
      if (this.is("eof")) this.emitWrongTokenError("expected '}' to end a region");
      region.push(this.parseBlock(undefined));
    }
    this.popScope();
  }

  /** A block: its label (optional for the entry block, which is passed in) and its operations. */
  private parseBlock(existing: Block | undefined): Block {
    if (existing !== undefined && !this.is("caret_identifier")) {
      this.parseBlockBody(existing);
      return existing;
    }
    const nameTok = this.tok;
    this.expect("caret_identifier", "expected block name");
    const name = this.spelling(nameTok);
    const defs = this.blocksByName.at(-1) as Map<string, Block>;
    const known = defs.get(name);
    let block: Block;
    if (known === undefined) {
      block = existing ?? new Block();
      defs.set(name, block);
    } else if (!(this.forwardRefBlocks.at(-1) as Map<Block, Pos>).delete(known)) {
      return this.emitError(`redefinition of block '${name}'`, nameTok);
    } else {
      block = known;
    }
    if (this.is("(")) this.parseBlockArgList(block);
    this.expect(":", "expected ':' after block name");
    this.parseBlockBody(block);
    return block;
  }

  private parseBlockBody(block: Block): void {
    while (!this.is("caret_identifier") && !this.is("}")) this.parseOperation(block);
  }

  /** `(%a: i32 loc(...), ...)` after a block name. */
  private parseBlockArgList(block: Block): void {
    const definingExisting = block.args.length !== 0;
    let next = 0;
    this.commaSeparated("()", () => {
      const use = this.parseSSAUse();
      this.expect(":", "expected ':' and type for SSA operand");
      const type = this.parseType();
      let arg: BlockArgument;
      if (definingExisting) {
        if (next >= block.args.length) this.emitError("too many arguments specified in argument list");
        arg = block.arg(next++);
        if (arg.type !== type) this.emitError("argument and block argument type mismatch");
      } else {
        arg = block.addArgument(type, use.loc);
      }
      this.parseTrailingLocation(arg);
      this.addDefinition(use, arg);
    });
  }

  /** The block named `^name` in the current region, created (as a forward reference) on first use. */
  private blockNamed(name: string, pos: Pos): Block {
    const defs = this.blocksByName.at(-1) as Map<string, Block>;
    const known = defs.get(name);
    if (known !== undefined) return known;
    const block = new Block();
    defs.set(name, block);
    (this.forwardRefBlocks.at(-1) as Map<Block, Pos>).set(block, pos);
    return block;
  }

  parseSuccessor(): Block {
    if (!this.is("caret_identifier")) this.emitWrongTokenError("expected block name");
    const block = this.blockNamed(this.spelling(), this.tok.start);
    this.consume();
    return block;
  }

  // ---- the end of the input --------------------------------------------------------------------------------

  /** Reports names used but never defined, resolves deferred locations, and closes the top-level scope. */
  finalize(topLevel: Block): void {
    if (this.placeholders.size > 0) this.emitError("use of undeclared SSA value name", this.firstOf(this.placeholders.values()));
    this.resolveDeferredLocs(topLevel.ops());
    this.popScope();
  }
}

/** What an op's parse hook fills; the location (of the op's name) is made only if the hook asks for it. */
/**
 * The attributes a custom op's parse hook sets. MLIR collects them in a list and rejects the op when a name
 * occurs twice (in the attr-dict and as a format element, or an explicit `operand_segment_sizes` beside the
 * one the format computes); a Map would silently keep the last, so this one remembers the first repeat.
 */
class ParsedAttributes extends Map<string, Attribute> {
  duplicate: string | undefined = undefined;
  override set(name: string, value: Attribute): this {
    if (this.duplicate === undefined && this.has(name)) this.duplicate = name;
    return super.set(name, value);
  }
}

class ParsedOperationState implements OperationState {
  readonly operands: Value[] = [];
  readonly resultTypes: Type[] = [];
  readonly attributes = new ParsedAttributes();
  readonly regions: Region[] = [];
  readonly successors: Block[] = [];
  constructor(
    readonly name: string,
    private readonly source: Source,
    readonly namePos: SourcePos,
  ) {}
  get loc(): Location {
    return this.source.loc(this.namePos);
  }
}
