"""Apps depend on each other one way, along the README's "Architecture" picture (issue 16).

Read from the source, without importing it: see ``app_graph`` for what a unit and an edge are.
"""

import textwrap

import pytest

from . import app_graph
from .app_graph import ROOT, Project, allowed, cycle_report, expand, read_picture, views_imports


@pytest.fixture(scope="module")
def project():
    return Project()


@pytest.fixture(scope="module")
def edges(project):
    return project.edges()


@pytest.fixture(scope="module")
def units(project):
    return {project.unit(module) for module, _path in project.source_files()}


@pytest.fixture(scope="module")
def picture():
    arrows, groups = read_picture((ROOT / "README.md").read_text(encoding="utf-8"))
    return arrows, groups, expand(arrows, groups)


def test_no_two_apps_reach_each_other_by_any_path(edges):
    report = cycle_report(edges)
    assert not report, f"Import cycles between apps (cut one step of each):\n{report}"


def test_only_url_wiring_reaches_another_apps_views(edges):
    sites = [f"{edge.source} -> {edge.target}: {edge.site()}" for edge in views_imports(edges)]
    assert not sites, "Views are leaves; move what is shared to a non-view module:\n" + "\n".join(sites)


def test_every_dependency_goes_along_an_arrow_of_the_readme_picture(edges, picture):
    _arrows, _groups, graph = picture
    stray = sorted(
        f"{edge.source} -> {edge.target}: {edge.site()}"
        for edge in edges
        if edge.target not in allowed(graph, edge.source)
    )
    assert not stray, "No arrow of the README's Architecture picture allows:\n" + "\n".join(stray)


def test_the_picture_names_every_app_and_shared_module_and_nothing_else(units, picture):
    arrows, groups, _graph = picture
    names = set(arrows) | {name for targets in arrows.values() for name in targets}
    drawn = (names - set(groups) - {"*"}) | {member for members in groups.values() for member in members}
    assert units - drawn == set(), "apps or shared modules missing from the README's picture"
    assert drawn - units == set(), "the README's picture names units the code does not have"


def test_every_arrow_of_the_picture_is_used_by_the_code(edges, picture):
    arrows, groups, _graph = picture
    used = {(edge.source, edge.target) for edge in edges}
    stale = [
        f"{source} -> {target}"
        for source, targets in arrows.items()
        for target in targets
        if source != "*"
        and not any(
            (unit, other) in used
            for unit in groups.get(source, {source})
            for other in groups.get(target, {target})
        )
    ]
    assert not stale, "Arrows of the README's picture no import follows any more:\n" + "\n".join(stale)


def test_the_picture_itself_has_no_cycle(picture):
    _arrows, _groups, graph = picture
    assert app_graph.cycles(graph) == []


# The checker itself, on a small project written for the test


def write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def shop(tmp_path):
    """Three apps in a line, shop -> stock -> places, and a shared module."""
    write(
        tmp_path,
        {
            "site/__init__.py": "",
            "site/text.py": "def fold(text):\n    return text.lower()\n",
            "site/urls.py": "from shop.views import basket\n",
            "places/__init__.py": "",
            "places/apps.py": "",
            "places/models.py": "from site.text import fold\n",
            "stock/__init__.py": "",
            "stock/apps.py": "",
            "stock/models.py": """
                from django.db import models

                commune = models.ForeignKey("places.Commune", on_delete=models.PROTECT)
            """,
            "shop/__init__.py": "",
            "shop/apps.py": "",
            "shop/views.py": "from stock.models import commune\n",
            "shop/lists/__init__.py": "",
            "shop/lists/apps.py": "",
            "shop/lists/views.py": "",
        },
    )
    return tmp_path


def small_project(root):
    return Project(
        root, labels={"places": "places", "stock": "stock", "shop": "shop"}, project_package="site"
    )


def test_the_checker_sees_imports_model_fields_and_shared_modules(shop):
    graph = app_graph.graph_of(small_project(shop).edges())
    assert dict(graph) == {"site": {"shop"}, "places": {"site.text"}, "stock": {"places"}, "shop": {"stock"}}


def test_the_checker_reports_a_reintroduced_cycle_with_its_import_sites(shop):
    write(
        shop,
        {
            "places/loader.py": "def load():\n    from oscar.core.loading import get_class\n\n"
            "    return get_class('shop.prices', 'price')\n"
        },
    )
    report = cycle_report(small_project(shop).edges())
    assert report.splitlines()[0] == "places -> shop -> stock -> places"
    assert "    places.loader:4 -> shop.prices" in report
    assert "    stock.models:4 -> places.models" in report


def test_the_checker_reports_views_imported_by_another_app_but_not_url_wiring(shop):
    write(shop, {"stock/alerts.py": "from shop import views\n", "shop/apps.py": "from .lists import views\n"})
    flagged = views_imports(small_project(shop).edges(), project="site")
    assert [edge.site() for edge in flagged] == ["stock.alerts:1 -> shop.views"]


def test_the_picture_allows_what_its_arrows_reach():
    readme = """
        ## Architecture

        ```
        shop  ->  stock       # a comment
        stock ->  places
        places ->
        *     ->  shared
        shared = site.text,
            site.money
        ```
    """
    arrows, groups = read_picture(textwrap.dedent(readme))
    graph = expand(arrows, groups)
    assert allowed(graph, "shop") == {"stock", "places", "site.text", "site.money"}
    assert allowed(graph, "places") == {"site.text", "site.money"}
