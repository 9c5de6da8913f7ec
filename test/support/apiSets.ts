/**
 * Which Excel JavaScript API members the add-in's source uses, and the requirement set
 * each needs: the TypeScript compiler resolves every property access, call and object
 * literal property to its declaration, and a declaration in `@types/office-js` inside
 * `namespace Excel` carries its set in a TSDoc `[Api set: ExcelApi 1.8]` tag.
 *
 * A use is **guarded**, and so may need a set newer than the manifest declares, when the
 * code only reaches it after asking the host for that set at run time. A guard is a call
 * with two string literals, `isSetSupported('ExcelApi', '1.12')`, whose callee is named
 * `isSetSupported` (any object: `Office.context.requirements.isSetSupported`, an injected
 * `this.isSetSupported`) or has the adapter's `IsSetSupported` type; a `const` holding
 * such a call, a call of a function whose body makes one, or a parameter that every
 * caller in the program passes such a guard for, counts the same. The use is guarded
 * when it lies
 * - in the `then` branch of an `if`, the `true` branch of `?:`, or right of `&&`, whose
 *   condition contains a guard for the same set at the use's version or later; or
 * - after `if (!guard) { …; return/throw }` in the same block; or
 * - in a statement with the comment "Guarded by isSetSupported('ExcelApi', '1.13') in
 *   writeSheets.ts", where the check is made in that file (which must make that call)
 *   and reaches the use as data.
 */
import * as ts from 'typescript';
import { dirname, join } from 'node:path';

/** A requirement set and version, e.g. ExcelApi 1.8. */
export interface ApiSet {
  readonly name: string;
  readonly version: string;
}

/** One use of an Excel API member in the source. */
export interface ApiUse {
  /** The member, e.g. "Excel.Range.getSpillingToRangeOrNullObject". */
  readonly member: string;
  readonly set: ApiSet;
  /** "src/adapters/office/formulaWrites.ts:42". */
  readonly at: string;
  /** The guard's set, when the use is guarded. */
  readonly guardedBy?: ApiSet;
}

const API_SET = /\[Api set: (\w+) (\d+(?:\.\d+)*)/;

/** -1, 0 or 1 as version a is below, equal to or above b ("1.10" is above "1.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

function isOfficeTypes(file: ts.SourceFile): boolean {
  return /[\\/]@types[\\/]office-js[\\/]index\.d\.ts$/.test(file.fileName);
}

/** "Excel.Range.getSpillingToRangeOrNullObject" for a declaration inside namespace Excel. */
function excelName(decl: ts.Declaration): string | undefined {
  const parts: string[] = [];
  let node: ts.Node | undefined = decl;
  while (node) {
    const name = (node as { name?: ts.Node }).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) parts.unshift(name.text);
    node = node.parent;
  }
  return parts[0] === 'Excel' ? parts.join('.') : undefined;
}

function setOf(decl: ts.Declaration): ApiSet | undefined {
  const file = decl.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(file.text, decl.getFullStart()) ?? [];
  for (const range of ranges.reverse()) {
    const match = API_SET.exec(file.text.slice(range.pos, range.end));
    if (match?.[1] && match[2]) return { name: match[1], version: match[2] };
  }
  return undefined;
}

/** The guard a call makes, if it is one. */
function guardOfCall(node: ts.CallExpression, checker: ts.TypeChecker): ApiSet | undefined {
  const [name, version] = node.arguments;
  if (!name || !version || !ts.isStringLiteralLike(name) || !ts.isStringLiteralLike(version))
    return undefined;
  const callee = node.expression;
  const calleeName = ts.isPropertyAccessExpression(callee)
    ? callee.name.text
    : ts.isIdentifier(callee)
      ? callee.text
      : '';
  const typeName = checker.getTypeAtLocation(callee).aliasSymbol?.name;
  if (calleeName !== 'isSetSupported' && typeName !== 'IsSetSupported') return undefined;
  return { name: name.text, version: version.text };
}

/** Calls of each function declared in the program, for guards passed as arguments. */
type CallSites = ReadonlyMap<ts.Node, readonly ts.CallExpression[]>;

function callSitesOf(program: ts.Program, checker: ts.TypeChecker): CallSites {
  const sites = new Map<ts.Node, ts.CallExpression[]>();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const decl = checker.getSymbolAtLocation(node.expression)?.valueDeclaration;
        if (decl) sites.set(decl, [...(sites.get(decl) ?? []), node]);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return sites;
}

/** What guard-finding needs: the checker and every function's call sites. */
interface Scope {
  readonly checker: ts.TypeChecker;
  readonly calls: CallSites;
}

/** The function (or variable holding one) a parameter belongs to, and its position. */
function parameterOwner(param: ts.ParameterDeclaration): { owner: ts.Node; index: number } {
  const fn = param.parent;
  const index = fn.parameters.indexOf(param);
  const holder =
    (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent)
      ? fn.parent
      : fn;
  return { owner: holder, index };
}

/** Guards every caller passes for a parameter (none if a caller passes none). */
function guardsPassedFor(param: ts.ParameterDeclaration, scope: Scope, depth: number): ApiSet[] {
  const { owner, index } = parameterOwner(param);
  const sites = scope.calls.get(owner) ?? [];
  if (sites.length === 0) return [];
  const perSite = sites.map((site) => {
    const argument = site.arguments[index];
    return argument ? guardsIn(argument, scope, depth + 1) : [];
  });
  const [first = [], ...rest] = perSite;
  return first.filter((guard) =>
    rest.every((guards) =>
      guards.some((g) => g.name === guard.name && compareVersions(g.version, guard.version) >= 0),
    ),
  );
}

/**
 * Guards a condition makes: directly, through a const, through a function it calls, or
 * through a parameter that every caller passes a guard for.
 */
function guardsIn(node: ts.Node, scope: Scope, depth = 0): ApiSet[] {
  const { checker } = scope;
  const found: ApiSet[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const guard = guardOfCall(n, checker);
      if (guard) found.push(guard);
      else if (depth < 3) {
        const decl = checker.getSymbolAtLocation(n.expression)?.valueDeclaration;
        const body =
          decl && (ts.isFunctionLike(decl) ? (decl as ts.FunctionLikeDeclaration).body : undefined);
        if (body && !decl.getSourceFile().isDeclarationFile)
          found.push(...guardsIn(body, scope, depth + 1));
      }
    }
    if (ts.isIdentifier(n) && depth < 3) {
      const decl = checker.getSymbolAtLocation(n)?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer && decl !== n.parent)
        found.push(...guardsIn(decl.initializer, scope, depth + 1));
      if (decl && ts.isParameter(decl) && decl !== n.parent)
        found.push(...guardsPassedFor(decl, scope, depth));
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function endsInExit(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && endsInExit(last);
  }
  return false;
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.getStart() >= outer.getStart() && inner.getEnd() <= outer.getEnd();
}

const GUARD_NOTE = /Guarded by isSetSupported\('(\w+)', '(\d+(?:\.\d+)*)'\) in ([\w./-]+\.tsx?)/;

/**
 * A guard noted in a comment on the statement, where the check is made elsewhere and
 * reaches the use as data: "Guarded by isSetSupported('ExcelApi', '1.13') in
 * writeSheets.ts". It counts only if that file (beside this one) makes that very call.
 */
function notedGuard(node: ts.Node): ApiSet | undefined {
  const file = node.getSourceFile();
  for (let at: ts.Node | undefined = node; at && !ts.isSourceFile(at); at = at.parent) {
    if (ts.isFunctionLike(at)) break;
    if (!ts.isStatement(at)) continue;
    const comments = ts.getLeadingCommentRanges(file.text, at.getFullStart()) ?? [];
    for (const range of comments) {
      const text = file.text.slice(range.pos, range.end).replace(/\s*\/\/\s*/g, ' ');
      const match = GUARD_NOTE.exec(text);
      if (!match?.[1] || !match[2] || !match[3]) continue;
      const checker = ts.sys.readFile(join(dirname(file.fileName), match[3])) ?? '';
      if (checker.includes(`isSetSupported('${match[1]}', '${match[2]}')`))
        return { name: match[1], version: match[2] };
    }
  }
  return undefined;
}

/** Guards in force at a node, from its enclosing branches and early exits. */
function guardsAt(node: ts.Node, scope: Scope): ApiSet[] {
  const noted = notedGuard(node);
  const guards: ApiSet[] = noted ? [noted] : [];
  let child: ts.Node = node;
  let parent: ts.Node | undefined = node.parent;
  while (parent) {
    if (ts.isIfStatement(parent) && contains(parent.thenStatement, child))
      guards.push(...guardsIn(parent.expression, scope));
    if (ts.isConditionalExpression(parent) && contains(parent.whenTrue, child))
      guards.push(...guardsIn(parent.condition, scope));
    if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      contains(parent.right, child)
    )
      guards.push(...guardsIn(parent.left, scope));
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const statement of parent.statements) {
        if (statement.getStart() >= child.getStart()) break;
        if (
          ts.isIfStatement(statement) &&
          ts.isPrefixUnaryExpression(statement.expression) &&
          statement.expression.operator === ts.SyntaxKind.ExclamationToken &&
          endsInExit(statement.thenStatement)
        )
          guards.push(...guardsIn(statement.expression.operand, scope));
      }
    }
    child = parent;
    parent = parent.parent;
  }
  return guards;
}

function guardFor(set: ApiSet, guards: readonly ApiSet[]): ApiSet | undefined {
  return guards.find((g) => g.name === set.name && compareVersions(g.version, set.version) >= 0);
}

/** The declarations a node refers to: accessed members, and object literal properties. */
function declarationsOf(node: ts.Node, checker: ts.TypeChecker): readonly ts.Declaration[] {
  if (ts.isPropertyAccessExpression(node))
    return checker.getSymbolAtLocation(node.name)?.declarations ?? [];
  if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
    const literal = node.parent;
    if (!ts.isObjectLiteralExpression(literal)) return [];
    const type = checker.getContextualType(literal);
    const property = type ? checker.getPropertyOfType(type, node.name.getText()) : undefined;
    return property?.getDeclarations() ?? [];
  }
  return [];
}

/** Every Excel API use in the program's own source files (not declaration files). */
export function excelApiUses(program: ts.Program, root: string): ApiUse[] {
  const checker = program.getTypeChecker();
  const scope: Scope = { checker, calls: callSitesOf(program, checker) };
  const uses: ApiUse[] = [];
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || file.fileName.includes('node_modules')) continue;
    const visit = (node: ts.Node): void => {
      for (const decl of declarationsOf(node, checker)) {
        if (!isOfficeTypes(decl.getSourceFile())) continue;
        const member = excelName(decl);
        const set = setOf(decl);
        if (!member || !set) continue;
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        const guardedBy = guardFor(set, guardsAt(node, scope));
        uses.push({
          member,
          set,
          at: `${file.fileName.replace(`${root}/`, '')}:${line + 1}`,
          ...(guardedBy ? { guardedBy } : {}),
        });
        break;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

/** Compiler options of the project's tsconfig. */
function projectOptions(root: string): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath)).options;
}

/**
 * A program over the given files, with the project's compiler options; `virtual` adds
 * in-memory sources (for tests of the check itself) by file name.
 */
export function programOver(
  root: string,
  files: readonly string[],
  virtual: ReadonlyMap<string, string> = new Map(),
): ts.Program {
  const options = projectOptions(root);
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const text = virtual.get(name);
    return text === undefined
      ? read(name, language, ...rest)
      : ts.createSourceFile(name, text, language, true);
  };
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || exists(name);
  return ts.createProgram({ rootNames: [...files, ...virtual.keys()], options, host });
}

/** Uses whose set the manifest does not declare (at that version or later) and no guard covers. */
export function undeclaredUses(uses: readonly ApiUse[], declared: readonly ApiSet[]): ApiUse[] {
  return uses.filter((use) => !use.guardedBy && !guardFor(use.set, declared));
}
