"""The app-level import graph of the project's own packages, read from the source without importing it.

A unit is the innermost package holding an ``apps.py`` (a Django app), else the top-level package;
the project's small shared modules (everything under ``marketplace`` that is neither an app nor
one of ``PROJECT_MODULES``) are units of their own, so that every app may use them without depending on the
project (``PROJECT_MODULES``: settings, URLs, the shop's config). An edge is any way one
unit reaches another's code: ``import``/``from ... import`` (at module level or inside a
function), Oscar's ``get_class``/``get_classes("label.module", ...)``, ``get_model("label", ...)``
and a model field naming another app's model as ``"label.Model"``.
"""

import ast
from collections import defaultdict, deque
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Directories at the top of the repository that are not the project's own packages.
NOT_PROJECT = {"tests", "docker", "var", "node_modules"}

# The project proper: settings, URLs and the shop's config, which compose the apps. Every other
# module or package directly under the project package that is no app (``marketplace.text``,
# ``marketplace.uploads``, ``marketplace.security``...) is a shared module of its own, usable by
# every app: the picture draws no arrow out of it to an app.
PROJECT_MODULES = ("settings", "urls", "config", "wsgi")

MODEL_FIELDS = {"ForeignKey", "OneToOneField", "ManyToManyField", "ParentalKey", "ParentalManyToManyField"}


@dataclass(frozen=True)
class Edge:
    """One place where ``source`` reaches ``target``: the importing module, line and what it names."""

    source: str
    target: str
    module: str
    line: int
    imported: str

    def site(self):
        return f"{self.module}:{self.line} -> {self.imported}"


def is_views_module(module):
    """Views modules are leaves: ``views``, ``views.*`` and ``*_views`` (e.g. ``trace_views``)."""
    return any(part == "views" or part.endswith("_views") for part in module.split(".")[1:])


class Project:
    def __init__(self, root=ROOT, packages=None, labels=None, project_package="marketplace"):
        self.root = Path(root)
        self.packages = packages or sorted(
            path.name
            for path in self.root.iterdir()
            if (path / "__init__.py").exists()
            and path.name not in NOT_PROJECT
            and not path.name.startswith(".")
        )
        self.project_package = project_package
        self.composition = {project_package} | {f"{project_package}.{name}" for name in PROJECT_MODULES}
        self.apps = {
            self.module_name(apps_py.parent / "__init__.py")
            for package in self.packages
            for apps_py in (self.root / package).rglob("apps.py")
        }
        self.labels = labels if labels is not None else _installed_labels(self.apps)

    # Modules and units

    def module_name(self, path):
        parts = list(Path(path).relative_to(self.root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        return ".".join(parts)

    def source_files(self):
        for package in self.packages:
            for path in sorted((self.root / package).rglob("*.py")):
                if "migrations" not in path.relative_to(self.root).parts:
                    yield self.module_name(path), path

    def exists(self, module):
        path = self.root.joinpath(*module.split("."))
        return path.with_suffix(".py").exists() or (path / "__init__.py").exists()

    def unit(self, module):
        """The unit owning ``module``, or None for code outside the project (Django, Oscar...)."""
        parts = module.split(".")
        if parts[0] not in self.packages:
            return None
        for size in range(len(parts), 0, -1):
            candidate = ".".join(parts[:size])
            if candidate in self.apps:
                return candidate
        shared = ".".join(parts[:2])
        if parts[0] == self.project_package and shared not in self.composition and self.exists(shared):
            return shared
        return parts[0]

    # Edges

    def edges(self):
        found = []
        for module, path in self.source_files():
            source = self.unit(module)
            is_package = path.name == "__init__.py"
            for imported, line in self._references(module, path, is_package):
                target = self.unit(imported)
                if target and target != source:
                    found.append(Edge(source, target, module, line, imported))
        return found

    def _references(self, module, path, is_package):
        package = module if is_package else module.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield alias.name, node.lineno
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([node.module] if node.module else []))
                for alias in node.names:
                    submodule = f"{base}.{alias.name}"
                    yield (submodule if self.exists(submodule) else base), node.lineno
            elif isinstance(node, ast.Call):
                yield from self._call_references(node)

    def _call_references(self, node):
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        strings = [
            arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        ]
        if not strings:
            return
        if name in ("get_class", "get_classes"):
            # Oscar: "dashboard.parcels.views" is the app labelled "dashboard", module "parcels.views".
            label, _, rest = strings[0].partition(".")
            if label in self.labels:
                yield f"{self.labels[label]}.{rest}", node.lineno
        elif name == "get_model" or name in MODEL_FIELDS:
            label = strings[0].split(".")[0]
            if label in self.labels and (name == "get_model" or "." in strings[0]):
                yield f"{self.labels[label]}.models", node.lineno


def _installed_labels(app_packages):
    """Label -> package of the installed project apps (labels are inherited from Oscar's configs)."""
    from django.apps import apps

    return {config.label: config.name for config in apps.get_app_configs() if config.name in app_packages}


# Graph algorithms on {unit: {unit, ...}}


def graph_of(edges):
    graph = defaultdict(set)
    for edge in edges:
        graph[edge.source].add(edge.target)
    return graph


def cycles(graph):
    """A shortest cycle through each pair of units that reach each other, as paths ``a -> ... -> a``.

    Units reaching each other form a strongly connected group (Tarjan); within a group every
    member is on some cycle, so a cycle per member (deduplicated) names every tangle to cut.
    """
    index, low, stack, on_stack, groups = {}, {}, [], set(), []
    nodes = sorted(set(graph) | {target for targets in graph.values() for target in targets})

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in nodes:
        if node not in index:
            visit(node)
    found = {}
    for group in sorted(groups, key=sorted):
        for start in sorted(group):
            cycle = _shortest_cycle(graph, group, start)
            found.setdefault(frozenset(pairwise(cycle)), cycle)
    return list(found.values())


def _shortest_cycle(graph, group, start):
    previous = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target in sorted(graph.get(node, ())):
            if target == start:
                path = [node]
                while previous[path[-1]] is not None:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if target in group and target not in previous:
                previous[target] = node
                queue.append(target)
    raise AssertionError(f"no cycle in {group}")


def reachable(graph, start):
    seen, queue = set(), deque([start])
    while queue:
        for target in graph.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


# The rules


def cycle_report(edges):
    """Every cycle between units with the import sites of each of its steps; "" when there is none."""
    sites = defaultdict(list)
    for edge in edges:
        sites[edge.source, edge.target].append(edge.site())
    report = []
    for cycle in cycles(graph_of(edges)):
        report.append(" -> ".join(cycle))
        for source, target in pairwise(cycle):
            report.append(f"  {source} -> {target}:")
            report.extend(f"    {site}" for site in sorted(sites[source, target]))
    return "\n".join(report)


def views_imports(edges, project="marketplace"):
    """Imports of another unit's views, but for two kinds of wiring.

    Views are leaves: nothing but URL wiring reaches them. The project (settings, URLs, the
    shop's config) mounts any app's pages, and an app's ``apps.py`` mounts its own and its
    sub-apps' (Oscar's dashboard: ``get_class("dashboard.parcels.views", ...)``).
    """
    return [
        edge
        for edge in edges
        if is_views_module(edge.imported)
        and edge.source != project
        and not (edge.module.endswith(".apps") and edge.target.startswith(f"{edge.source}."))
    ]


# The README's picture


def read_picture(text):
    """Arrows of the first fenced block under the README's "Architecture" heading.

    Each line ``unit, unit -> other, another`` draws arrows (none after ``->``: the unit uses no
    other); ``*`` on the left means every unit; a line ``name = unit, unit`` names a group usable
    on either side; a trailing comma continues a list on the next line; ``#`` starts a comment.
    Returns the arrows as written ({left name: {right names}}) and the groups ({name: {units}}).
    """
    section = text.split("\n## Architecture", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1].split("\n", 1)[1]
    groups, arrows = {}, defaultdict(set)
    lines = []
    for line in block.splitlines():
        line = line.split("#", 1)[0].strip()
        if lines and lines[-1].endswith(","):  # a list goes on after a trailing comma
            lines[-1] += " " + line
        else:
            lines.append(line)
    for line in lines:
        if "->" in line:
            sources, _, targets = line.partition("->")
            for source in _names(sources):
                arrows[source] |= _names(targets)
        elif "=" in line:
            name, _, members = line.partition("=")
            groups[name.strip()] = _names(members)
    return dict(arrows), groups


def expand(arrows, groups):
    """The picture's arrows between units: groups replaced by their members (``*`` kept)."""
    graph = defaultdict(set)
    for source, targets in arrows.items():
        for unit in groups.get(source, {source}):
            graph[unit] |= {member for target in targets for member in groups.get(target, {target})}
    return graph


def allowed(graph, source):
    """What ``source`` may use: what the picture reaches from it, or from ``*``, along arrows."""
    return reachable(graph, source) | reachable(graph, "*")


def _names(text):
    return {name.strip() for name in text.replace(",", " ").split() if name.strip()}
