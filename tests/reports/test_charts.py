"""Charts drawn on the server (marketplace.reports.charts): geometry scaled to the largest figure,
and an SVG with its table for screen readers."""

from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from marketplace.reports.charts import LONGEST_BAR, SLIVER, WIDTH, bar_chart, column_chart, compact


def render(chart):
    return Template("{% load report_charts %}{% chart c %}").render(Context({"c": chart}))


def test_the_longest_bar_is_the_largest_value_and_the_others_in_proportion():
    chart = bar_chart("Doanh nghiệp theo xã", [("Đông Hà", 40), ("Lệ Thủy", 10), ("Cồn Tiên", 0)])
    longest, quarter, none = chart.bars
    assert longest.share == LONGEST_BAR
    assert quarter.share == longest.share / 4
    assert none.share == 0
    assert [bar.label for bar in chart.bars] == ["Đông Hà", "Lệ Thủy", "Cồn Tiên"]


def test_a_tiny_value_still_shows_a_sliver():
    chart = bar_chart("x", [("lớn", 1_000_000), ("nhỏ", 1)])
    assert chart.bars[1].share == SLIVER


def test_columns_scale_to_the_largest_of_all_series():
    chart = column_chart(
        "Doanh thu", [("T1", [100, 50]), ("T2", [200, 0])], series=["Thẻ", "COD"], kind="money"
    )
    heights = [bar.height for bar in chart.bars]
    assert heights[2] == max(heights) == 160
    assert heights[0] == 80 and heights[1] == 40 and heights[3] == 0
    assert all(bar.y + bar.height == 180 for bar in chart.bars)
    assert [bar.series for bar in chart.bars] == ["Thẻ", "COD", "Thẻ", "COD"]
    assert chart.bars[0].colour != chart.bars[1].colour
    assert all(bar.x >= 0 and bar.x + bar.width <= WIDTH for bar in chart.bars)
    assert chart.headers == ["Thẻ", "COD"]


def test_figures_are_written_short_in_vietnamese():
    with translation.override("vi"):
        assert compact(Decimal("1260000"), "money") == "1,3 tr ₫"
        assert compact(Decimal("3400000000"), "money") == "3,4 tỷ ₫"
        assert compact(Decimal("950"), "money") == "950 ₫"
        assert compact(Decimal("0.125"), "percent") == "12,5 %"
        assert compact(12345) == "12.345"


def test_an_empty_chart_says_so_and_draws_nothing():
    for chart in (
        bar_chart("Trống", []),
        bar_chart("Toàn số 0", [("A", 0)]),
        column_chart("Trống", [], ["a"]),
    ):
        assert chart.is_empty
        with translation.override("en"):
            html = render(chart)
        assert "<svg" not in html.replace('<svg width="12"', "")
        assert "Nothing to show for this period." in html


def test_the_template_draws_an_svg_and_a_table_with_every_figure():
    chart = bar_chart(
        "Doanh thu theo ngành", [("Thực phẩm", 2_500_000), ("Đồ uống", 1_000_000)], kind="money"
    )
    with translation.override("vi"):
        html = render(chart)
    assert html.count("<svg") == html.count("<rect") == 2
    assert 'width="70.0%"' in html and 'width="28.0%"' in html
    assert '<span class="report-bar-label">Thực phẩm</span>' in html
    table = html[html.index("<table") :]
    for label, text in (("Thực phẩm", "2,5 tr ₫"), ("Đồ uống", "1,0 tr ₫")):
        assert f'<th scope="row">{label}</th><td>{text}</td>' in table
    assert "<caption>Doanh thu theo ngành</caption>" in table


def test_a_column_chart_has_a_legend_and_a_row_per_month():
    chart = column_chart("Doanh thu", [("T1", [100, 50]), ("T2", [200, 0])], series=["Thẻ", "COD"])
    html = render(chart)
    assert "list-inline" in html and "Thẻ" in html and "COD" in html
    assert html.count("<title>") == 4
    assert '<th scope="row">T1</th><td>100</td><td>50</td>' in html
    assert '<th scope="row">T2</th><td>200</td><td>0</td>' in html


def test_whole_numbers_on_a_page_are_grouped_the_vietnamese_way_in_every_language():
    template = Template("{% load report_charts %}{{ n|grouped }}")
    with translation.override("en"):
        assert template.render(Context({"n": 98011})) == "98.011"
