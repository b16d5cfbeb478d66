"""Source cleaning: the seed file and other layouts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.model.vocab import DATA_DIR
from kg.sources.documents import DocumentError, clean_file, clean_text, ends_sentence, load_article, read_text

RAW = DATA_DIR / "raw" / "000_091f230f3370da1a.txt"
CJK = "\u3400-\u9fff"


@pytest.fixture(scope="module")
def articles():
    return clean_file(RAW)


def test_seed_splits_into_two_articles_with_their_own_headlines(articles):
    banan, dazu = articles
    assert (banan.id, banan.district, banan.city) == ("banan-d85cd3f1", "巴南区", "重庆市")
    assert banan.title == "书写新时代“城教共生”的奋进答卷"
    assert banan.subtitle == "探析教育与城市深度融合发展的巴南路径"
    assert banan.authors == ["邹杨", "黄丹"]
    assert banan.captions == ["精彩大课间，活力巴南娃"]
    assert (dazu.id, dazu.district, dazu.city) == ("dazu-d85cd3f1", "大足区", "重庆市")
    assert dazu.title == "大足教育“暖万家”幸福伴成长"
    assert dazu.authors == ["周珣"]
    assert dazu.credits == ["图片由大足区教委提供"]
    assert dazu.captions == ["大足区第四届师生体育艺术节演出现场"]
    # Each article starts with its own first sentence, not with the other's trailer.
    assert banan.text.startswith("近年来，巴南区教育系统全面贯彻党的教育方针")
    assert dazu.text.startswith("2024年，党的二十届三中全会")
    assert banan.text.endswith("贡献巴南力量。") and dazu.text.endswith("贡献大足力量。")
    assert "邹杨" not in banan.text and "周珣" not in dazu.text


def test_no_line_break_debris_between_chinese_characters(articles):
    for article in articles:
        assert not re.search(f"[{CJK}，、“”]\n[{CJK}“”]", article.text.replace("\n\n", "¶"))
        for paragraph in article.text.split("\n\n"):
            assert paragraph == paragraph.strip()
            assert ends_sentence(paragraph) or paragraph in article.headings, paragraph


def test_column_breaks_and_double_spacing_are_joined(articles):
    banan, dazu = articles
    # Broken across a blank line by a column break in the raw file.
    assert "市实验中学的“报国园”、清华中学的“烈士墙”" in banan.text
    # The double-spaced introduction is one paragraph.
    assert "近年来，巴南区教育系统全面贯彻党的教育方针，以建设“江南宜学城，品质教育区”为统领" in banan.text
    assert "党的二十届三中全会对深化教育综合改革作出全面部署" in dazu.text


def test_section_headings_are_kept_as_their_own_paragraphs(articles):
    banan, dazu = articles
    assert banan.headings[:2] == ["打通“课堂—基地—赛场”成长通道", "让五育并举与个性成长交响共鸣"]
    assert dazu.headings == [
        "深耕铸魂强师",
        "开拓教师发展新境界",
        "深化评价改革",
        "激发协同育人新活力",
        "深探数字路径",
        "把握教育发展新机遇",
    ]
    assert "\n\n打通“课堂—基地—赛场”成长通道\n\n" in banan.text


def test_bundled_cleaned_documents_are_what_the_code_produces(articles):
    for article in articles:
        stored = load_article(DATA_DIR / "documents" / f"{article.id}.txt")
        assert stored == article


def test_a_hand_written_sidecar_may_carry_more_than_an_article_and_may_be_absent(tmp_path: Path):
    text = tmp_path / "release.txt"
    text.write_text("某某学院与某某公司签约。\n", encoding="utf-8")
    assert load_article(text).id == "release" and load_article(text).title == ""  # no sidecar: named by its file
    text.with_suffix(".meta.json").write_text('{"id": "r1", "title": "签约", "url": "https://example.org/1"}')
    article = load_article(text)
    assert (article.id, article.title, article.text) == ("r1", "签约", "某某学院与某某公司签约。")


def test_press_release_without_byline_is_one_article():
    raw = "本报讯 近日，沙坪坝区教委与重庆大学签署\n合作协议，共建实训基地。\n\n沙坪坝区各校将\n开设相关课程。\n"
    (article,) = clean_text(raw, source="release.txt")
    assert (
        article.text
        == "本报讯 近日，沙坪坝区教委与重庆大学签署合作协议，共建实训基地。\n\n沙坪坝区各校将开设相关课程。"
    )
    assert article.district == "沙坪坝区"
    assert article.id.startswith("shapingba-")


def test_district_and_city_are_the_places_the_text_names_most():
    (article,) = clean_text(
        "成都市武侯区教育局与四川大学签署合作协议。武侯区各校参与。成都市教科院指导。", source="r.txt"
    )
    assert (article.district, article.city) == ("武侯区", "成都市")
    (zone,) = clean_text("成都高新区社区学院开展培训。高新区各街道参与。", source="z.txt")
    assert zone.district == "高新区"  # no longer dropped as a generic 新区


def test_gb18030_file_is_detected(tmp_path: Path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("江北区教委与长安汽车合作。".encode("gb18030"))
    assert read_text(path) == "江北区教委与长安汽车合作。"


def test_binary_file_gives_a_clear_error(tmp_path: Path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DocumentError, match=r"image\.png：二进制文件"):
        read_text(path)
