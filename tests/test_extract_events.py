"""Events (meetings, ceremonies, contests) and who attends and hosts them, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.confidence import everything
from kg.extract.gazetteer import Gazetteer, _short_reference
from kg.extract.pipeline import Extraction, Extractor
from kg.model.names import entity_iri  # (as text: what extraction gives)
from kg.sources.documents import Article


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(Gazetteer(), confidence=everything())  # the rules' own names (the model's: test_confidence)


def extract(extractor: Extractor, text: str, title: str = "") -> Extraction:
    body = f"{title}\n{text}" if title else text
    return extractor.extract(Article(id="t", title=title, text=body, district="江北区", city="重庆市"))


def facts(extractor: Extractor, text: str, title: str = "") -> set[tuple[str, str, str]]:
    return {(r.subject.label, r.predicate, r.object.label) for r in extract(extractor, text, title).relations}


def names(extractor: Extractor, text: str) -> dict[str, str]:
    return {m.name: m.cls for m in extract(extractor, text).mentions if not m.ref}


def test_a_meeting_named_after_a_body_keeps_the_body_and_is_no_part_of_it(extractor):
    text = "5月8日，江北区现代服务业产教联合体成立大会在重庆渝州职业学院举行。"
    found = names(extractor, text)
    assert found["江北区现代服务业产教联合体成立大会"] == "Conference"
    assert found["江北区现代服务业产教联合体"] == "IndustryEducationAlliance"
    relations = facts(extractor, text)
    assert ("重庆渝州职业学院", "hosts", "江北区现代服务业产教联合体成立大会") in relations
    assert not any(p == "partOf" and s.endswith("成立大会") for s, p, _ in relations)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("重庆渝州职业学院智能制造产业学院揭牌仪式在该院举行。", "重庆渝州职业学院智能制造产业学院揭牌仪式"),
        ("重庆渝州职业学院2025级新生开学典礼隆重举行。", "重庆渝州职业学院2025级新生开学典礼"),
        ("江北区教委举办中小学班主任能力提升培训班开班仪式。", "中小学班主任能力提升培训班开班仪式"),
        ("江北区第二届校园读书论坛活动在江北区第一小学举办。", "江北区第二届校园读书论坛"),
    ],
)
def test_ceremonies_and_forums_are_named_whole(extractor, text, name):
    assert names(extractor, text).get(name) == "Conference"


def test_a_week_of_activities_is_the_campaign(extractor):
    found = names(extractor, "江北区教委举办江北区第三届家庭教育宣传周活动。")
    assert found.get("江北区第三届家庭教育宣传周") == "Campaign"


def test_a_body_inside_a_contest_name_is_no_entity(extractor):
    found = names(extractor, "江北区教师在重庆市中小学教师教学能力大赛中获一等奖。")
    assert "重庆市中小学" not in found


def test_a_roll_attends_the_meeting_named_earlier_in_the_sentence(extractor):
    text = (
        "6月1日，江北区职业教育发展大会在重庆渝州职业学院举行，市教委副主任刘军视频讲话，"
        "区委副书记、区长王芳，区教委主任李明出席并致辞。"
    )
    found = facts(extractor, text)
    # the people take part; the bureaus and committees their officials come from are no parties of it
    for who in ("刘军", "王芳", "李明"):
        assert (who, "participatesIn", "江北区职业教育发展大会") in found
    for body in ("重庆市教委", "中共重庆市江北区委员会", "江北区教委"):
        assert (body, "participatesIn", "江北区职业教育发展大会") not in found


def test_bare_words_for_the_event_refer_to_the_article_event(extractor):
    title = "江北区召开职业教育工作推进会"
    text = (
        "会议由区教委主任李明主持。区长王芳出席会议并讲话。"
        "出席本次会议的还有区教委副主任赵强、陈东。"
        "重庆渝州职业学院院长张伟在发言中表示，将深化产教融合。"
    )
    found = facts(extractor, text, title)
    assert ("江北区", "hosts", "职业教育工作推进会") in found  # the title's 江北区召开
    assert ("李明", "participatesIn", "职业教育工作推进会") in found  # 主持: who presides takes part
    assert ("江北区教委", "hosts", "职业教育工作推进会") not in found  # and their body holds nothing thereby
    assert ("张伟", "participatesIn", "职业教育工作推进会") in found  # 在发言中: the speaker takes part
    assert ("重庆渝州职业学院", "participatesIn", "职业教育工作推进会") not in found  # (not their body thereby)
    assert ("江北区", "participatesIn", "职业教育工作推进会") not in found


def test_attending_a_ceremony_by_its_kind(extractor):
    text = (
        "江北区产教融合签约仪式在重庆渝州职业学院举行。重庆明远科技有限公司总经理林敏，"
        "重庆渝州职业学院党委书记、院长张伟等参加签约仪式。"
    )
    found = facts(extractor, text)
    assert ("林敏", "participatesIn", "江北区产教融合签约仪式") in found  # the person, not her company thereby
    assert ("重庆明远科技有限公司", "participatesIn", "江北区产教融合签约仪式") not in found
    assert ("重庆渝州职业学院", "hosts", "江北区产教融合签约仪式") in found  # held at the school
    assert ("重庆渝州职业学院", "participatesIn", "江北区产教融合签约仪式") not in found  # its head: it receives it


def test_organisers_listed_before_de_each_host(extractor):
    text = "江北区教委主办，重庆渝州职业学院承办，重庆明远科技有限公司协办的江北区第二届职业教育论坛于5月10日开幕。"
    found = facts(extractor, text)
    for body in ("江北区教委", "重庆渝州职业学院", "重庆明远科技有限公司"):
        assert (body, "hosts", "江北区第二届职业教育论坛") in found
    # 由A、B联合主办，由本校承办的Z: the chain goes on through 由 and the text's own school
    text = (
        "6月3日下午，由江北区教委、江北区商务局、江北区财政局联合主办，"
        "由本校承办的江北区第四届产教对接会在远帆学院举行。"
    )
    hosts = {s for s, p, o in facts(extractor, text) if p == "hosts" and o == "江北区第四届产教对接会"}
    assert {"江北区教委", "江北区商务局", "江北区财政局"} <= hosts


def test_names_before_their_titles_roll_on_in_the_school_of_the_text(extractor):
    text = "重庆渝州职业学院与重庆明远科技有限公司签约。学院张伟院长、刘洋副院长出席签约仪式。"
    found = facts(extractor, text)
    assert ("张伟", "worksAt", "重庆渝州职业学院") in found
    assert ("刘洋", "worksAt", "重庆渝州职业学院") in found


def test_a_company_roll_with_titles_after_the_names(extractor):
    found = facts(extractor, "重庆明远科技有限公司林敏总经理、王强副总经理出席。")
    assert ("林敏", "worksAt", "重庆明远科技有限公司") in found
    assert ("王强", "worksAt", "重庆明远科技有限公司") in found


def test_the_organisation_in_brackets_after_a_name(extractor):
    text = "会议邀请了王丽娟（重庆明远科技有限公司副总经理）、刘洋（江北区教委主任）作报告。"
    found = facts(extractor, text)
    assert ("王丽娟", "worksAt", "重庆明远科技有限公司") in found
    assert ("刘洋", "worksAt", "江北区教委") in found
    assert names(extractor, "出席张伟（重庆渝州职业学院院长）")["张伟"] == "Person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("重庆渝州职业学院学生在第十届全国职业院校技能大赛中获得金奖。", "第十届全国职业院校技能大赛"),
        (
            "重庆渝州职业学院学生在第十届中国国际“互联网+”大学生创新创业大赛中获金奖。",
            "第十届中国国际“互联网+”大学生创新创业大赛",
        ),
    ],
)
def test_a_contest_starts_after_zai(extractor, text, name):
    assert names(extractor, text).get(name) == "Competition"


def test_the_week_is_launched_at_the_venue_of_its_launch_ceremony(extractor):
    text = "5月12日，2024年江北区职业教育活动周启动仪式在重庆渝州职业学院举行。副区长赵强宣布活动周启动。"
    found = facts(extractor, text)
    assert ("2024年江北区职业教育活动周", "locatedIn", "重庆渝州职业学院") in found
    assert not any("宣布" in name for name in names(extractor, text))


def test_two_ceremonies_sharing_yishi_are_one_event(extractor):
    text = "9月5日，重庆渝州职业学院举办产教合作集中签约、授牌仪式。区人社局局长钱松，副局长王丽出席活动。"
    assert names(extractor, text).get("产教合作集中签约、授牌仪式") == "Conference"
    found = facts(extractor, text)
    assert ("钱松", "participatesIn", "产教合作集中签约、授牌仪式") in found


def test_a_two_character_surname_keeps_the_whole_name(extractor):
    found = names(extractor, "重庆渝州职业学院院长欧阳晓东、副院长司马华出席签约仪式。")
    assert found.get("欧阳晓东") == "Person"
    assert found.get("司马华") == "Person"


def test_a_meeting_of_a_bodys_council_is_named_with_the_body(extractor):
    found = names(
        extractor,
        "上午9时，青川职教集团第四届理事会第一次会议在青川宾馆一楼会议厅开幕，与会代表共商星海职业教育集团发展大计。",
    )
    assert found.get("青川职教集团第四届理事会第一次会议") == "Conference"
    assert not any(name.endswith(("会议厅", "一楼会议")) or name.startswith("商") for name in found)
    assert "星海职业教育集团" in found
    # joined to a signing: the council's meeting is a name of the one occasion
    extraction = extract(extractor, "江北学院与星海公司校企合作协议签约仪式暨校企合作理事会第二次会议在江北举行。")
    assert any("校企合作理事会第二次会议" in e.aliases for e in extraction.entities)


def test_a_ceremony_named_by_a_quoted_body_of_common_words(extractor):
    # “乡村振兴学院”: a body's name of common words, quoted; its ceremony is a named one (not “校企合作”签约仪式)
    text = "江北学院与青川县人民政府在青川县职业技术学校举行合作共建“乡村振兴学院”签约暨揭牌仪式。"
    found = {(e.label.replace("“", "").replace("”", ""), e.cls) for e in extract(extractor, text).entities}
    assert ("乡村振兴学院签约暨揭牌仪式", "Conference") in found and ("乡村振兴学院", "IndustryCollege") in found
    held = facts(extractor, text)
    assert ("江北学院", "hosts", "“乡村振兴学院”签约暨揭牌仪式") in held
    assert ("青川县职业技术学校", "hosts", "“乡村振兴学院”签约暨揭牌仪式") in held  # the venue receives it (the guide)
    assert not any(e.cls == "Conference" for e in extract(extractor, "学院举行“校企合作”签约仪式。").entities)


def test_a_signing_joined_to_a_classes_opening_ceremony(extractor):
    text = "星海集团与江北职业技术学院在江北校区举行校企合作签约仪式暨星海国际订单班开班典礼。"
    found = names(extractor, text)
    assert found.get("校企合作签约仪式暨星海国际订单班开班典礼") == "Conference"
    assert "校企合作签约仪式暨星海国际订单班" not in found


def test_a_granting_and_unveiling_ceremony_is_no_award(extractor):
    text = "4月20日上午，2023年青川市校地合作首批项目集中授牌揭牌仪式在江北师范大学举行。"
    found = names(extractor, text)
    assert not any(cls in ("Award", "Designation", "Prize") for cls in found.values()), found
    assert ("江北师范大学", "hosts", "2023年青川市校地合作首批项目集中授牌揭牌仪式") in facts(extractor, text)


def test_a_meeting_named_by_its_subject_alone(extractor):
    # dated, the meeting is one (undated, 校企合作座谈会 only describes it: no entity, see test_extract_spans)
    title = "重庆渝州职业学院召开2024年校企合作座谈会"
    text = "3月2日，学院召开校企合作座谈会。重庆明远科技有限公司总经理林敏参加座谈会。"
    found = facts(extractor, text, title)
    assert ("重庆渝州职业学院", "hosts", "2024年校企合作座谈会") in found
    assert ("林敏", "participatesIn", "2024年校企合作座谈会") in found
    assert "座谈会" not in names(extractor, "学院召开座谈会。")


def test_the_venue_named_as_undertaker_hosts_the_contest(extractor):
    text = (
        "2024年江北区中职学校技能大赛在重庆渝州职业学院开赛。"
        "本次大赛由区教委、区人社局联合主办，重庆渝州职业学院作为承办单位。"
    )
    found = facts(extractor, text)
    for body in ("江北区教委", "江北区人社局", "重庆渝州职业学院"):
        assert (body, "hosts", "2024年江北区中职学校技能大赛") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("全国教育大会在北京召开。", "全国教育大会"),
        ("江北区召开全区职业教育工作会议。", "全区职业教育工作会议"),
        ("区教委召开2025年全区教育工作会议暨安全工作会议。", "2025年全区教育工作会议暨安全工作会议"),
    ],
)
def test_a_meeting_named_by_its_scope(extractor, text, name):
    assert names(extractor, text).get(name) == "Conference"


def test_a_scope_before_a_plain_kind_is_no_name(extractor):
    assert names(extractor, "全区各类会议都要精简。") == {}


def test_the_second_party_of_a_signing_is_not_in_its_name(extractor):
    found = names(extractor, "重庆渝州职业学院与重庆明远科技有限公司2024年校企合作签约仪式在该院举行。")
    # the ceremony is named by both parties; the party's name is no part of a second ceremony's
    assert found.get("重庆渝州职业学院与重庆明远科技有限公司2024年校企合作签约仪式") == "Event"
    assert found.get("重庆明远科技有限公司") == "Company"
    assert not any(name.endswith("签约仪式") and "与" not in name for name in found)


def test_a_school_that_sends_contestants_takes_part(extractor):
    text = "2024年江北区中职学校技能大赛在重庆渝州职业学院开幕。江北职教中心选派12名选手参赛。"
    assert ("江北职教中心", "participatesIn", "2024年江北区中职学校技能大赛") in facts(extractor, text)


def test_what_a_person_urges_or_says_is_no_attendance(extractor):
    text = (
        "2024年江北区中职学校技能大赛在重庆渝州职业学院开幕。院长张伟表示，学院积极参加各类技能大赛。"
        "副院长刘洋希望同学们积极参加比赛。"
    )
    found = facts(extractor, text)
    assert not any(p == "participatesIn" for _, p, _ in found)


def test_the_kind_attended_picks_the_event_of_that_kind(extractor):
    title = "重庆渝州职业学院召开2024年校企合作座谈会"
    text = (
        "3月2日，学院召开校企合作座谈会。在2023年全国职业院校技能大赛中获奖的重庆明远科技有限公司工程师李明参加座谈会。"
    )
    found = facts(extractor, text, title)
    assert ("李明", "participatesIn", "2024年校企合作座谈会") in found
    assert ("李明", "participatesIn", "2023年全国职业院校技能大赛") not in found


def test_a_name_that_is_also_a_place_word_after_a_title(extractor):
    found = names(extractor, "重庆明远科技有限公司总经理刘一帆、副总经理高原和技术总监唐宁出席。")
    assert {"刘一帆", "高原", "唐宁"} <= {n for n, c in found.items() if c == "Person"}
    assert "单位" not in names(extractor, "重庆渝州职业学院为理事长单位、副理事长单位授牌。")


def test_the_signing_of_two_bodies_sharing_their_type_word(extractor):
    text = "江北职业学院副院长周立宗在江北智能装备、江北卫星导航应用行业产教融合联盟签约仪式上签约。"
    name = "江北智能装备、江北卫星导航应用行业产教融合联盟签约仪式"
    assert names(extractor, text).get(name) == "Conference"
    assert ("周立宗", "participatesIn", name) in facts(extractor, text)


def test_an_event_named_again_without_its_place_is_the_same_event(extractor):
    title = "江北区举行2025年职业教育活动周启动仪式"
    text = "5月12日，江北区2025年职业教育活动周启动仪式在重庆渝州职业学院举行。区教委主任王芳出席活动并讲话。"
    extraction = extract(extractor, text, title)
    events = {e.label for e in extraction.entities if e.cls == "Campaign"}
    assert events == {"江北区2025年职业教育活动周"}
    assert ("王芳", "participatesIn", "江北区2025年职业教育活动周") in facts(extractor, text, title)


def test_at_the_meeting_the_titled_speaker_takes_part_and_their_body_does_not(extractor):
    title = "江北区职业教育论坛举行"
    text = "江北区职业教育论坛在重庆渝州职业学院举行。论坛期间，重庆明远科技有限公司总经理林敏作主旨报告。"
    found = facts(extractor, text, title)
    assert ("林敏", "participatesIn", "江北区职业教育论坛") in found  # the speaker, not the body they come from
    assert ("重庆明远科技有限公司", "participatesIn", "江北区职业教育论坛") not in found


def test_a_body_hosts_its_own_session(extractor):
    text = "江北区职业教育学会2024年年会在重庆渝州职业学院召开。"
    found = facts(extractor, text)
    assert ("江北区职业教育学会", "hosts", "江北区职业教育学会2024年年会") in found
    text = "3月10日，星海职业教育集团2022年度理事大会在星海职业技术学院召开。"  # a group's council's yearly meeting
    assert ("星海职业教育集团", "hosts", "星海职业教育集团2022年度理事大会") in facts(extractor, text)


def test_an_activity_of_some_kind_is_not_the_event_of_the_text(extractor):
    title = "江北区职业教育论坛举行"
    text = "江北区职业教育论坛在重庆渝州职业学院举行。重庆渝州职业学院团委书记张敏组织学生参加社会实践活动。"
    found = facts(extractor, text, title)
    assert ("张敏", "participatesIn", "江北区职业教育论坛") not in found


def test_a_year_cuts_no_school_name_out_of_a_training(extractor):
    found = names(extractor, "江北区教委组织开展2024年中小学校长能力提升专题培训。")
    assert not any(name.startswith("年") for name in found)
    assert names(extractor, "重庆渝州职业学院举行2024年校园开放日活动。").get("2024年校园开放日活动") == "Campaign"


def test_a_training_course_is_an_event_its_guests_attend(extractor):
    text = "江北区教委举办2025年中小学班主任能力提升培训班。区教委副主任陈东出席开班仪式并讲话。"
    event = "2025年中小学班主任能力提升培训班"
    assert names(extractor, text).get(event) == "Event"
    found = facts(extractor, text)
    assert ("江北区教委", "hosts", event) in found
    assert ("陈东", "worksAt", "江北区教委") in found and ("陈东", "participatesIn", event) in found
    assert names(extractor, "江北区今年举办了3期培训班。") == {"江北区": "District"}


def test_a_contest_of_a_kind_is_no_name(extractor):
    assert names(extractor, "学院在专业建设、技能竞赛等方面取得成绩。") == {}
    found = names(extractor, "重庆渝州职业学院学生在全国职业院校技能大赛中获奖。")
    assert found.get("全国职业院校技能大赛") == "Competition"


def test_leaders_and_guests_named_after_the_verb_or_after_ling_dao(extractor):
    title = "江北区职业教育论坛举行"
    text = (
        "江北区职业教育论坛在重庆渝州职业学院举行。市、区领导刘军、王芳出席论坛。"
        "出席论坛的领导和嘉宾还有区教委主任李明、重庆明远科技有限公司总经理林敏。"
    )
    found = facts(extractor, text, title)
    for who in ("刘军", "王芳", "李明", "林敏"):
        assert (who, "participatesIn", "江北区职业教育论坛") in found


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "3月5日，江北区星光中学(集团)、江北区育才小学(集团)揭牌仪式在星光中学举行。区教育局局长王明出席揭牌仪式。",
            "江北区星光中学（集团）、江北区育才小学（集团）揭牌仪式",
        ),
        (
            "重庆工商职业学院智能制造产业学院、数字商贸产业学院揭牌仪式在学校举行。区教育局局长王明出席仪式。",
            "重庆工商职业学院智能制造产业学院、数字商贸产业学院揭牌仪式",
        ),
    ],
)
def test_one_ceremony_of_several_listed_bodies(extractor, text, event):
    assert names(extractor, text).get(event) == "Conference"
    assert ("王明", "participatesIn", event) in facts(extractor, text)


def test_a_ceremony_under_two_names_joined_after_a_verb(extractor):
    text = "3月5日，江北区星光教育集团揭牌暨星光、星河教育集团委员会成立仪式在星光小学举行。区教育局局长王明出席仪式。"
    event = "江北区星光教育集团揭牌暨星光、星河教育集团委员会成立仪式"
    found = names(extractor, text)
    assert found.get(event) == "Conference"
    assert found.get("江北区星光教育集团") == "CollaborativeEducationAlliance"
    assert ("王明", "participatesIn", event) in facts(extractor, text)


def test_a_kind_of_ceremony_the_parties_hold_is_no_event_their_signing_is_their_cooperation(extractor):
    text = "江北职业学校与重庆长江有限公司举行了校企合作签约暨揭牌仪式。"
    found = names(extractor, text)
    assert "校企合作签约暨揭牌仪式" not in found and "揭牌仪式" not in found  # named by what is done: no name
    assert ("江北职业学校", "integratesWith", "重庆长江有限公司") in facts(extractor, text)


def test_a_ceremony_named_by_its_subject_joined_after_the_verb_that_holds_it(extractor):
    text = "1月8日，青川大学与星海集团举行校企合作暨工作站共建签约仪式，青川大学校长王明出席。"
    event = "校企合作暨工作站共建签约仪式"
    assert names(extractor, text).get(event) == "Conference"
    found = facts(extractor, text)
    assert {("王明", "participatesIn", event), ("星海集团", "hosts", event)} <= found  # the parties hold it
    assert not any("合作暨工作站" in (s, o) for s, _, o in found)  # no platform across 暨
    # the bodies that build before 共建 are the parties, not the start of the ceremony's name
    text = "5月9日，青川市人民政府、青川省教育厅共建星海科教园区合作框架协议签约仪式在青川市举行。"
    found = facts(extractor, text)
    assert ("青川市人民政府", "cooperatesWith", "青川省教育厅") in found or (
        "青川省教育厅",
        "cooperatesWith",
        "青川市人民政府",
    ) in found


def test_a_roll_of_people_meeting_at_a_venue_each_take_part_and_none_holds_it(extractor):
    text = (
        "6月3日，青川职业学院副院长王明远，星海镇党委委员李青、青川远帆文旅有限公司董事长赵江及学院教务处负责人"
        "在星海织造有限公司报告厅举行文旅人才培养交流会。"
    )
    event = "文旅人才培养交流会"
    found = facts(extractor, text)
    for member in ("王明远", "李青", "赵江", "青川职业学院", "青川远帆文旅有限公司"):
        assert (member, "participatesIn", event) in found
    assert ("星海织造有限公司", "hosts", event) in found  # the body it meets at receives it
    assert not any(p == "hosts" and o == event and s != "星海织造有限公司" for s, p, o in found)


def test_the_rolls_of_each_sides_people_attending_after_de_you(extractor):
    text = (
        "3月6日，青川区人民政府与星海职业技术学院合作办学签约仪式在青川区行政中心举行。"
        "参加此次签约仪式的星海职业技术学院的嘉宾有校长王明远，智能制造学院院长赵江，"
        "学院合作发展处（校企合作办）副处长李青、周宁；青川区的嘉宾有区委副书记、区长孙海。"
    )
    event = "青川区人民政府与星海职业技术学院合作办学签约仪式"
    found = facts(extractor, text)
    for person in ("王明远", "李青", "周宁", "赵江", "孙海"):
        assert (person, "participatesIn", event) in found
    for person in ("李青", "周宁"):  # the side the roll is of, where no title names a body
        assert (person, "worksAt", "星海职业技术学院") in found
    assert ("赵江", "worksAt", "星海职业技术学院") in found  # the dean of its 智能制造学院
    assert not any("智能制造学院" in (s, o) for s, _, o in found)  # its dean's attending is the school's


def test_a_faculty_is_its_colleges_not_the_school_the_college_set_up(extractor):
    title = "星海职业技术学院附属青川区职业技术学校揭牌"
    text = "星海职业技术学院附属青川区职业技术学校揭牌。星海职业技术学院校长王明远、智能制造学院院长赵江出席。"
    found = facts(extractor, text, title)
    assert ("赵江", "worksAt", "星海职业技术学院") in found  # the dean of the college's faculty
    assert ("赵江", "worksAt", "星海职业技术学院附属青川区职业技术学校") not in found


def test_an_event_named_by_the_first_of_its_joined_names_is_the_same_event(extractor):
    title = "重庆市职教学会产教分会成立大会暨第一次学术年会召开"
    text = "3月5日，重庆市职教学会产教分会成立大会在江北区召开。江北区教委主任王明出席会议。"
    event = "重庆市职教学会产教分会成立大会暨第一次学术年会"
    assert ("王明", "participatesIn", event) in facts(extractor, text, title)
    assert not any(o == "重庆市职教学会产教分会成立大会" for _, _, o in facts(extractor, text, title))


def test_an_edition_of_a_members_congress_is_named_after_its_body(extractor):
    text = "3月5日，重庆职业教育促进会第三次会员代表大会在江北区召开。江北区教委主任王明出席大会。"
    event = "重庆职业教育促进会第三次会员代表大会"
    assert names(extractor, text).get(event) == "Conference"
    assert ("王明", "participatesIn", event) in facts(extractor, text)


def test_a_new_term_committee_and_its_short_form(extractor):
    text = (
        "3月5日，新一届重庆市职业技术教育学会机械专业工作指导委员会成立大会在江北区举行。"
        "重庆市职业技术教育学会机械专业工作指导委员会30余名委员参加会议。机械专指委主任王明出席会议。"
    )
    committee = "重庆市职业技术教育学会机械专业工作指导委员会"
    found = names(extractor, text)
    assert found.get(committee + "成立大会") == "Conference"
    assert not any(name.startswith("新一届") for name in found)
    relations = facts(extractor, text)
    assert (committee, "participatesIn", committee + "成立大会") in relations
    assert ("王明", "worksAt", committee) in relations


def test_a_series_named_in_a_title_is_not_the_event_attended(extractor):
    text = (
        "5月8日，第二届校长发展论坛江北论坛在江北区举行。"
        "重庆大学教授、校长发展论坛执行主席王明，江北区副区长李华出席会议。"
    )
    attended = {(s, o) for s, p, o in facts(extractor, text) if p == "participatesIn"}
    # the people who attend, not their university nor their government
    assert {s for s, o in attended if o.startswith("第二届校长发展论坛")} == {"王明", "李华"}
    assert not any(o == "校长发展论坛" for _, o in attended)


def test_a_signing_of_two_named_parties_joined_with_a_ceremony(extractor):
    text = (
        "重庆长江实业(集团)股份有限公司与江北区职业技术学校合作项目签约暨揭牌仪式在学校举行。区教委主任王明出席仪式。"
    )
    event = "重庆长江实业（集团）股份有限公司与江北区职业技术学校合作项目签约暨揭牌仪式"
    assert names(extractor, text).get(event) == "Conference"
    assert ("王明", "participatesIn", event) in facts(extractor, text)
    found = names(extractor, "江北职业学校与重庆长江有限公司校企合作签约暨揭牌仪式在学校举行。")
    assert found["江北职业学校与重庆长江有限公司校企合作签约暨揭牌仪式"] == "Event"  # over the parties, not for them
    assert {"江北职业学校", "重庆长江有限公司"} <= found.keys()
    assert "校企合作签约暨揭牌仪式" not in found  # a kind of ceremony, no name of its own


def test_the_signing_ceremony_of_two_parties_is_named_after_them(extractor):
    text = (
        "5月6日，我校与青川锦程服饰有限公司校企合作签约仪式在青川县举行。"
        "青川县人民政府、青川县教育局有关负责人出席签约仪式。"
    )
    event = "青川纺织科技学院与青川锦程服饰有限公司校企合作签约仪式"  # 我校: the school that publishes the text
    relations = facts(extractor, text, title="青川纺织科技学院深化校企合作")
    # (that the parties take part the name says, no sentence: the annotated sets give it in 3 of 50 cases)
    assert {
        (event, "locatedIn", "青川县"),
        ("青川县人民政府", "participatesIn", event),
        ("青川县教育局", "participatesIn", event),
        ("青川纺织科技学院", "integratesWith", "青川锦程服饰有限公司"),  # the signing is read as before
    } <= relations
    found = names(extractor, "青川县教育局与青川师范学院举行战略合作签约仪式。")
    assert "战略合作签约仪式" not in found  # held by the parties before 举行, named by what they do: no name


def test_a_body_unveiled_at_a_signing_is_built_by_the_parties(extractor):
    text = "5月6日，北川县人民政府与青川纺织职业学院合作办学签约暨北川纺织产业学院揭牌仪式在北川县举行。"
    event = "北川县人民政府与青川纺织职业学院合作办学签约暨北川纺织产业学院揭牌仪式"
    found = facts(extractor, text)
    assert {
        ("北川县人民政府", "builds", "北川纺织产业学院"),
        ("青川纺织职业学院", "builds", "北川纺织产业学院"),
    } <= found
    assert names(extractor, text).get(event) == "Event"
    assert not any(o == "北川纺织产业学院揭牌仪式" for _, _, o in found)  # one ceremony, not two


def test_a_ceremony_of_one_body_names_the_body(extractor):
    found = names(extractor, "双方举行“青川科研实训基地”挂牌签约仪式，校长王立出席。")
    assert found["青川科研实训基地"] == "TrainingBase"
    assert found["“青川科研实训基地”挂牌签约仪式"] == "Conference"  # the ceremony, whole
    found = names(extractor, "学院举行第三批青川研学实践教育基地授牌仪式。")
    assert "第三批青川研学实践教育基地" not in found  # a batch: the designation given, no body


def test_the_signers_of_an_agreement_to_build_a_body_build_it(extractor):
    found = facts(extractor, "江北区职业教育学会与重庆物流行业协会签订江北区智能制造职教联盟共建协议。")
    assert {
        ("江北区职业教育学会", "builds", "江北区智能制造职教联盟"),
        ("重庆物流行业协会", "builds", "江北区智能制造职教联盟"),
    } <= found


def test_the_districts_congress_and_conference_attend_by_their_heads(extractor):
    text = "江北区产教融合签约仪式在重庆渝州职业学院举行。区委、区政府、区人大、区政协主要领导出席了签约仪式。"
    attending = {s for s, p, o in facts(extractor, text) if p == "participatesIn"}
    assert {"江北区人大", "江北区政协", "江北区人民政府"} <= attending


def test_the_bodies_whose_heads_attend_are_counted_after_their_list(extractor):
    text = (
        "5月8日，江北区校企合作签约仪式在重庆渝州职业学院举行。"
        "学院院长李强，以及青川云帆、青川宏图、青川启明等6家企业的有关负责人出席签约仪式。"
    )
    found = facts(extractor, text)
    for company in ("青川云帆", "青川宏图", "青川启明"):
        assert (company, "participatesIn", "江北区校企合作签约仪式") in found


def test_organisers_found_no_school_named_after_their_verb(extractor):
    text = "由青川职业技术学院主办、江北商贸学校协办的青川物流职教联盟成立大会在青川召开。"
    found = facts(extractor, text)
    event = "青川物流职教联盟成立大会"
    assert {("青川职业技术学院", "hosts", event), ("江北商贸学校", "participatesIn", event)} <= found  # 协办
    text = "青川职业技术学院主办、江北商贸学校、渝南职业中学协办的青川物流职教联盟成立大会召开。"
    found = facts(extractor, text)  # no 由: every co-organiser of the list takes part
    assert {("江北商贸学校", "participatesIn", event), ("渝南职业中学", "participatesIn", event)} <= found
    assert not any(p == "builds" for _, p, _ in found)


def test_a_company_closing_a_list_of_organisers_keeps_its_brand(extractor):
    text = "青川招商推介会在青川举行。本次大会由青川产业园管理委员会、青川县科技局和华正产业投资集团共同举办。"
    found = facts(extractor, text)
    assert ("华正产业投资集团", "hosts", "青川招商推介会") in found  # 正 stopped its name at 产业投资集团


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        # the words between the verb that holds it and the edge a name stopped at: the event's name
        ("青川中学与远帆物流有限公司举办联合办学战略合作框架协议签约仪式。", "联合办学战略合作框架协议签约仪式", None),
        ("青川区人民政府与远帆教育集团举行全面战略合作框架协议签约仪式。", "全面战略合作框架协议签约仪式", None),
        # an academic year opens the name as a year does
        ("机电学院组织召开了2025-2026学年第一学期校企合作座谈会。", "2025-2026学年第一学期校企合作座谈会", None),
        # a quoted meeting a verb runs keeps the kind its type word names
        ("青川县工商联组织会员企业参加了县职教社举办的“全县产教对接洽谈会”。", None, "Conference"),
    ],
)
def test_an_events_name_after_its_verb_and_year_and_its_kind_in_quotes(extractor, text, name, cls):
    found = names(extractor, text)
    if name is not None:
        assert name in found
    if cls is not None:
        assert any(c == cls and n.endswith("产教对接洽谈会") for n, c in found.items())


def test_one_occasion_its_scene_and_those_who_grace_it(extractor):
    text = (
        "5月9日，一场物流专业冠名班签约仪式在青川商贸职业学院热烈展开，远帆物流有限公司、"
        "青川冷链科技有限公司等9家企业代表共襄盛会。青川市商务局副局长蒋卫东莅临现场。"
    )
    found = facts(extractor, text)
    event = "物流专业冠名班签约仪式"  # 一场: one occasion, named after the measure word
    assert ("青川商贸职业学院", "hosts", event) in found  # 热烈展开 there
    assert {("远帆物流有限公司", "participatesIn", event), ("青川冷链科技有限公司", "participatesIn", event)} <= found
    assert ("蒋卫东", "participatesIn", event) in found  # 莅临现场
    assert not any(o.startswith("一场") for _, _, o in found)


def test_the_parties_that_hold_their_signing_ceremony_host_it(extractor):
    # (A与B举行…签约仪式: both hold it, as the annotated sets have it in 18 of 22 cases)
    found = facts(extractor, "9月3日，青川技师学院与远帆物流有限公司举行产教融合发展签约仪式。")
    event = "产教融合发展签约仪式"
    assert {("青川技师学院", "hosts", event), ("远帆物流有限公司", "hosts", event)} <= found
    # one body holding a meeting hosts it
    found = facts(extractor, "9月3日，青川技师学院举行第二届产教融合发展大会。")
    assert ("青川技师学院", "hosts", "第二届产教融合发展大会") in found


def test_companies_at_a_schools_signing_ceremony_sign_with_the_school(extractor):
    text = (
        "5月9日，一场物流专业冠名班签约仪式在青川商贸职业学院举行，远帆物流有限公司、"
        "青川冷链科技有限公司等9家企业代表共襄盛会。青川市商务局副局长蒋卫东出席。"
    )
    found = {pair for pair in facts(extractor, text) if pair[1] == "integratesWith"}
    school = "青川商贸职业学院"
    for company in ("远帆物流有限公司", "青川冷链科技有限公司"):
        assert (school, "integratesWith", company) in found or (company, "integratesWith", school) in found
    assert not any("青川市商务局" in (s, o) for s, _, o in found)  # an official who attends signs nothing


def test_a_bare_year_opening_an_events_name_is_part_of_it(extractor):
    """2020青川…交流大会: the year written without 年 where the name opens a clause or a quotation; a number
    after a word of quantity (近2000公里) stays a count."""
    found = names(extractor, "1月5日，2020青川人才科技交流大会开幕。学校举办“2025远帆文旅创新设计大赛”。")
    assert found["2020青川人才科技交流大会"] == "Conference"
    assert found["2025远帆文旅创新设计大赛"] == "Competition"
    assert not any(name.startswith("2000") for name in names(extractor, "两地相距近2000公里，青川技能大赛在此举行。"))


def test_ceremonies_of_opening_and_completion_are_named(extractor):
    """落成典礼, 开营仪式, 授旗仪式: ceremonies named after what they mark, as 揭牌仪式 is (a campaign's 启动仪式
    stays the campaign's: see test_the_venue_of_a_launch_ceremony_hosts_the_week)."""
    found = names(extractor, "星海中学落成典礼隆重举行。青川市青少年科技夏令营开营仪式在远帆学院举行。")
    assert found["星海中学落成典礼"] == "Conference"
    assert found["青川市青少年科技夏令营开营仪式"] == "Conference"


def test_a_meeting_joined_to_a_campaigns_launch_is_one_event(extractor):
    """某某年会暨某某活动周启动仪式: one meeting under two names; the launch alone stays the campaign."""
    facts_found = facts(extractor, "青川市第三届产教协作年会暨技能活动周启动仪式在远帆学院举行，副市长张大山出席。")
    event = "青川市第三届产教协作年会暨技能活动周启动仪式"
    assert ("远帆学院", "hosts", event) in facts_found and ("张大山", "participatesIn", event) in facts_found
    assert names(extractor, "青川市技能活动周启动仪式在远帆学院举行。")["青川市技能活动周"] == "Campaign"


def test_attendees_of_a_signing_named_by_its_parties_take_part_in_it(extractor):
    """A与B院地合作交流会暨签约仪式…举行。X、Y出席: one ceremony named by its parties (the name without them is
    no second one), and the text's event, which those who attend take part in."""
    text = "5月6日，青川学院与远帆县院地合作交流会暨签约仪式在远帆县举行。学校党委书记张三，远帆县县长李四出席。"
    event = "青川学院与远帆县院地合作交流会暨签约仪式"
    found = facts(extractor, text)
    assert ("张三", "participatesIn", event) in found and ("李四", "participatesIn", event) in found
    assert not any(name.startswith("合作交流会") for name in names(extractor, text))


def test_bodies_an_event_invites_take_part_in_it(extractor):
    """大会还邀请了A、B: the invited bodies take part in the meeting, though no verb of attending follows."""
    text = (
        "青川专精特新企业推介会在远帆酒店举行。"
        "此外，大会还邀请了青川市上市企业协会、远帆机械行业协会，以及星海日报等媒体。"
    )
    found = facts(extractor, text)
    for body in ("青川市上市企业协会", "远帆机械行业协会"):
        assert (body, "participatesIn", "青川专精特新企业推介会") in found


def test_those_who_attend_a_ceremony_named_by_its_two_parts_take_part_in_it(extractor):
    text = (
        "3月2日，青川职业技术学院与江北区远帆镇人民政府举行战略合作协议签约暨远帆研学基地揭牌仪式，"
        "学院党委书记王海林、远帆镇镇长刘晓春出席签约暨揭牌仪式。"
    )
    found = facts(extractor, text)
    event = "战略合作协议签约暨远帆研学基地揭牌仪式"
    assert ("王海林", "participatesIn", event) in found  # 签约暨揭牌仪式: the event of the sentence
    assert ("刘晓春", "participatesIn", event) in found


def test_a_ceremony_held_by_two_parties_and_named_by_what_they_do_is_their_cooperation_no_node(extractor):
    text = "6月3日，青川职业技术学院与江北区远帆镇人民政府举行合作办学签约仪式，学院院长王海林、镇长刘晓春出席仪式。"
    extraction = extract(extractor, text)
    found = {(r.subject.label, r.predicate, r.object.label) for r in extraction.relations}
    assert not [e for e in extraction.entities if e.label.endswith("仪式")]
    assert ("青川职业技术学院", "cooperatesWith", "江北区远帆镇人民政府") in found
    assert ("王海林", "worksAt", "青川职业技术学院") in found  # those who attend keep their posts
    other = extract(extractor, "星海学院举行校企合作签约暨授牌仪式。")
    assert not [e for e in other.entities if e.label.endswith("仪式")]  # nor 授牌仪式 inside it


def test_those_who_attend_in_the_lead_take_part_in_the_ceremony_the_text_names_in_full_later(extractor):
    text = (
        "5月9日，青川工业大学与远帆市人民政府签署合作协议并举行揭牌仪式，青川工业大学校长王海林、远帆市市长"
        "刘晓春出席签约暨揭牌仪式。\n战略合作协议签约暨揭牌仪式在远帆宾馆举行。"
    )
    found = facts(extractor, text)
    event = "战略合作协议签约暨揭牌仪式"
    assert ("王海林", "participatesIn", event) in found and ("刘晓春", "participatesIn", event) in found


def test_the_lead_after_a_blank_line_under_the_headline_names_the_texts_event(extractor):
    text = (
        "远帆中学与星海公司签署合作协议\n\n4月2日，远帆中学与星海公司校企合作签约仪式在江北区举行，"
        "双方将共建星海实训基地，联合开设“星海编程”课程。\n\n区教委副主任王立新出席签约仪式。"
    )
    extraction = extractor.extract(Article(id="t", title="", text=text, district="", city=""))
    found = {(r.subject.label, r.predicate, r.object.label) for r in extraction.relations}
    event = "远帆中学与星海公司校企合作签约仪式"
    assert ("王立新", "participatesIn", event) in found  # the lead's event, past the blank line


def test_a_meeting_named_by_its_subject_alone_is_each_texts_own(extractor):
    first = extractor.extract(Article(id="a", title="", text="江北区召开产教融合推进会，星海学院参加。"))
    second = extractor.extract(Article(id="b", title="", text="远帆县召开产教融合推进会，青川学院参加。"))
    (one,) = [e for e in first.entities if e.label == "产教融合推进会"]
    (other,) = [e for e in second.entities if e.label == "产教融合推进会"]
    assert one.iri != other.iri  # two districts' meetings, not one node in the store
    named = extractor.extract(Article(id="c", title="", text="江北区召开2025年江北区产教融合推进会。"))
    assert any(e.iri == entity_iri(e.label) for e in named.entities if e.label.endswith("推进会"))  # a proper name


def test_a_meeting_two_parties_hold_on_their_cooperation_is_an_event_of_theirs(extractor):
    text = "6月20日，星海理工学院机械学院与远帆建设有限公司召开校企合作座谈会。院长王海林等参加座谈。"
    extraction = extract(extractor, text)
    (meeting,) = [e for e in extraction.entities if e.label == "校企合作座谈会"]
    assert meeting.cls == "Conference" and "星海理工学院机械学院与远帆建设有限公司校企合作座谈会" in meeting.aliases
    found = {(r.subject.label, r.predicate, r.object.label) for r in extraction.relations}
    assert ("王海林", "participatesIn", "校企合作座谈会") in found  # 参加座谈: the 座谈会 of the text
    held = "近日，星海理工学院与远帆建设有限公司在星海理工学院东湖校区举行了校企合作恳谈会。"
    (meeting,) = [e for e in extract(extractor, held).entities if e.label == "校企合作恳谈会"]
    assert "星海理工学院与远帆建设有限公司校企合作恳谈会" in meeting.aliases  # where they meet in between


def test_a_meeting_named_by_its_parties_and_subject_is_one_event(extractor):
    text = (
        "5月6日下午，星海理工学院与远帆建设有限公司产教融合交流会在图书馆二楼召开。"
        "远帆建设有限公司董事长刘晓春出席会议。"
    )
    name = "星海理工学院与远帆建设有限公司产教融合交流会"
    assert names(extractor, text).get(name) == "Conference"
    assert ("刘晓春", "participatesIn", name) in facts(extractor, text)


def test_a_signing_of_the_texts_school_is_also_named_without_it(extractor):
    text = "3月8日，我校与远帆能源集团合作办学签约仪式在东湖校区举行。"
    extraction = extractor.extract(Article(id="t", title="", text=text, site="星海职业技术学院"))
    (event,) = [e for e in extraction.entities if e.label.endswith("签约仪式")]
    assert event.label == "星海职业技术学院与远帆能源集团合作办学签约仪式"
    assert "远帆能源集团合作办学签约仪式" in event.aliases  # the school's own words, without 我校与


def test_the_subject_held_somewhere_is_the_events_whole_name(extractor):
    text = (
        "近日，青川新区产教联合体理事会第三次会议暨远帆大学青川研究院揭牌仪式在青川市会展中心举行。"
        "青川新区管委会主任刘晓春出席会议。"
    )
    event = "青川新区产教联合体理事会第三次会议暨远帆大学青川研究院揭牌仪式"
    found = names(extractor, text)
    assert found.get(event) == "Conference"
    assert found.get("青川新区产教联合体") == "IndustryEducationAlliance"  # the bodies stay names of their own
    relations = facts(extractor, text)
    assert ("刘晓春", "participatesIn", event) in relations
    assert (event, "locatedIn", "青川市会展中心") in relations
    text = "11月5日上午，江北区学徒制改革试点远帆班开班仪式在星海学院报告厅举行。院长王海林出席。"
    event = "江北区学徒制改革试点远帆班开班仪式"
    assert names(extractor, text).get(event) == "Conference"  # the place it opens with is part of it
    assert ("王海林", "participatesIn", event) in facts(extractor, text)


def test_a_held_signing_named_after_listed_parties_is_one_event(extractor):
    text = "5月29日，星海区、青川新区与湖南远帆大学、星海科技有限公司校地合作框架协议签约仪式在远帆宾馆举行。"
    event = "星海区、青川新区与湖南远帆大学、星海科技有限公司校地合作框架协议签约仪式"
    found = names(extractor, text)
    assert found.get(event) == "Conference"
    assert found.get("青川新区") == "District"  # a place listed before 与 is a party of its own
    assert (event, "locatedIn", "远帆宾馆") in facts(extractor, text)
    text = "8月30日，青川市人民政府、远帆省教育厅共建青川教育科技园区合作框架协议签约仪式在星海宾馆举行。"
    event = "青川市人民政府、远帆省教育厅共建青川教育科技园区合作框架协议签约仪式"
    assert event in names(extractor, text)
    # the verb inside the subject: the event is named by its object, the parties stay parties
    text = "青川学院与星海测量工程研究院举行校企合作交流座谈会暨签约仪式在星海研究院成功举行。"
    assert "校企合作交流座谈会暨签约仪式" in names(extractor, text)
    assert not any(name.startswith("青川学院与") for name in names(extractor, text))


def test_a_signing_or_signature_ceremony_of_two_parties_and_a_verb_that_ends_its_name(extractor):
    text = "1月15日，青川学院与星海区人民政府合作办学协议签字仪式在远帆宾馆举行。"
    event = "青川学院与星海区人民政府合作办学协议签字仪式"
    assert names(extractor, text).get(event) == "Event"
    text = "青川学院与星海区人民政府签署战略合作协议并举行挂牌仪式。"
    assert not any(name.startswith("青川学院与") for name in names(extractor, text))  # two things done


def test_an_events_other_names_are_the_ones_texts_cite_it_by(extractor):
    def aliases(text: str, label: str) -> set[str]:
        return next(e.aliases for e in extract(extractor, text).entities if e.label == label)

    text = "8月2日下午，由青川市教育局举办的“青川企业家走进课堂”活动在星海学院进行。"
    assert "青川企业家走进课堂" in aliases(text, "“青川企业家走进课堂”活动")  # the words quoted
    text = "5月8日，星海学院与远帆县人民政府深化校地人才合作签约仪式在远帆宾馆举行。"
    event = "星海学院与远帆县人民政府深化校地人才合作签约仪式"
    assert "深化校地人才合作签约仪式" in aliases(text, event)  # the occasion without its parties


def test_a_held_events_name_may_join_two_fields_and_follow_its_organisers(extractor):
    text = "11月4日，江北职业教育学会实训装备与产教融合经验交流会在青川召开。"
    assert names(extractor, text).get("江北职业教育学会实训装备与产教融合经验交流会") == "Conference"
    text = "由星海职业技术学院和青川市科技局主办的开发区校地人才对接交流会在青川举行。"
    assert names(extractor, text).get("开发区校地人才对接交流会") == "Conference"  # named by its organisers' clause
    text = "我县在职教中心会议室召开了远帆县产教协作联席会议。"
    assert names(extractor, text).get("远帆县产教协作联席会议") == "Conference"


def test_a_meeting_one_party_holds_for_the_other_and_the_bodies_speakers_represent(extractor):
    text = "近日，星海理工学院与远帆建设有限公司在星海理工学院东湖校区举行了校企合作恳谈会。"
    found = facts(extractor, text)
    assert ("星海理工学院", "hosts", "校企合作恳谈会") in found
    assert ("远帆建设有限公司", "participatesIn", "校企合作恳谈会") in found  # received, not a host
    text = "青川市职教集团年会在星海职业技术学院举行。副市长刘晓春代表青川市人民政府致辞。"
    assert ("青川市人民政府", "participatesIn", "青川市职教集团年会") in facts(extractor, text)


def test_those_who_sign_unveil_or_witness_at_a_ceremony_are_its_parties_people(extractor):
    text = (
        "5月6日，星海学院与远帆县人民政府合作办学签约仪式在远帆县举行。"
        "县长刘晓春与星海学院院长王海林签署合作协议，副县长陈立见证签约。"
    )
    found = facts(extractor, text)
    event = "星海学院与远帆县人民政府合作办学签约仪式"
    assert {("刘晓春", "worksAt", "远帆县人民政府"), ("王海林", "worksAt", "星海学院")} <= found
    # the parties the ceremony is named after take part in it (the guide); who signs or witnesses for them is no
    # attending (出席) the sentence states
    assert {("星海学院", "participatesIn", event), ("远帆县人民政府", "participatesIn", event)} <= found
    assert not any(p == "participatesIn" and o == event and s in ("刘晓春", "王海林", "陈立") for s, p, o in found)


def test_the_bodies_whose_heads_a_roll_of_attendants_lists_take_part(extractor):
    text = (
        "江北区人民政府与星海职业技术学院签约仪式在江北举行。出席本次签约仪式的江北区的领导有区长刘晓春，"
        "区发改局、区人力社保局、远帆街道办事处等单位主要负责人。"
    )
    found = facts(extractor, text)
    event = "江北区人民政府与星海职业技术学院签约仪式"
    assert ("刘晓春", "participatesIn", event) in found
    assert ("远帆街道办事处", "participatesIn", event) in found


def test_a_signing_joined_with_a_quoted_unveiling_is_one_ceremony_of_both_parties(extractor):
    text = (
        "6月3日，星海职业技术学院与远帆(集团)公司战略合作签约暨“星海·远帆学院”揭牌仪式在东湖校区举行。"
        "远帆(集团)公司总裁刘晓春与学院院长王海林签署战略合作协议。"
    )
    event = "星海职业技术学院与远帆（集团）公司战略合作签约暨“星海·远帆学院”揭牌仪式"
    assert names(extractor, text).get(event) == "Conference"
    assert ("刘晓春", "worksAt", "远帆（集团）公司") in facts(extractor, text)
    text = "星海职业技术学院与远帆公司签约。远帆公司总裁刘晓春与学院院长王海林签署协议。"
    assert ("王海林", "worksAt", "星海职业技术学院") in facts(extractor, text)  # 与学院院长: the text's school


def test_an_event_named_after_a_list_of_parties_is_named_after_all_of_them(extractor):
    text = "3月9日下午，青川市星海小学教育集团隆重举行大石桥分校、东湖小学结对签约仪式。"
    assert names(extractor, text).get("大石桥分校、东湖小学结对签约仪式") == "Conference"
    text = "3月9日下午，青川市星海小学教育集团隆重举行石门分校、东湖小学结对签约仪式。"
    assert not any("举行" in name for name in names(extractor, text))  # the campus of no verb
    text = "1月7日，青川市江北区、远帆区、星海区教育结对帮扶签约仪式在星海区举行。"
    assert "青川市江北区、远帆区、星海区教育结对帮扶签约仪式" in names(extractor, text)
    text = "10月8日，“星海号”人才招聘活动、校企合作座谈会在青川举办。"
    assert "“星海号”人才招聘活动、校企合作座谈会" not in names(extractor, text)  # two events listed


def test_a_held_event_with_a_theme_of_its_own_is_named_though_it_holds_no_body(extractor):
    text = "6月20日下午，匠心兴村——校企同行·共同富裕签约仪式在星海技师学院举行。"
    event = "匠心兴村——校企同行·共同富裕签约仪式"
    assert names(extractor, text).get(event) == "Conference"
    assert ("星海技师学院", "hosts", event) in facts(extractor, text)


def test_an_occasion_of_cooperation_held_somewhere_is_an_event_held_there(extractor):
    text = "12月5日，星海学院与远帆县石桥镇政校企合作暨访企拓岗活动在石桥镇政府举行。"
    event = "星海学院与远帆县石桥镇政校企合作暨访企拓岗活动"
    assert ("石桥镇政府", "hosts", event) in facts(extractor, text)


def test_names_spelt_with_and_without_a_middle_dot_or_a_second_city_are_one(extractor):
    text = (
        "青川市市域产教联合体成立大会在星海学院举行。副市长刘晓春在青川市域产教联合体成立大会上致辞。"
        "刘晓春与院长王海林为“青川经贸远帆学院”揭牌，青川经贸·远帆学院将培养技能人才。"
    )
    labels = {e.label: e.aliases for e in extract(extractor, text).entities}
    assert "青川市域产教联合体成立大会" in labels["青川市市域产教联合体成立大会"]
    assert "青川市域产教联合体成立大会" not in labels
    assert "青川经贸远帆学院" in labels["青川经贸·远帆学院"] and "青川经贸远帆学院" not in labels


def test_held_events_named_by_a_bare_type_word_a_quote_or_a_signing_activity(extractor):
    text = "当天下午，水利建设产业学院签约挂牌仪式在远帆集团有限公司举行。"
    assert names(extractor, text).get("水利建设产业学院签约挂牌仪式") == "Conference"  # a body's type word inside
    text = "由星海职业教育集团协办的“青川产教协同优质岗位对接洽谈会”在青川召开。"
    assert names(extractor, text).get("“青川产教协同优质岗位对接洽谈会”") == "Conference"
    text = "由星海职业教育集团协办的“江北产教协同岗位对接洽谈会”在青川召开。"
    assert names(extractor, text).get("江北产教协同岗位对接洽谈会") == "Conference"  # from the place it opens with
    text = "日前，青川市远帆小学校企合作签约活动在东湖校区举行。"
    assert names(extractor, text).get("青川市远帆小学校企合作签约活动") == "Event"
    text = "9月8日，星海学院与远帆路桥集团校企战略合作签约暨远帆实训基地、青川技术创新中心揭牌仪式在青川举行。"
    event = "星海学院与远帆路桥集团校企战略合作签约暨远帆实训基地、青川技术创新中心揭牌仪式"
    assert event in names(extractor, text)


def test_the_whole_object_of_a_verb_of_holding_is_the_event_it_holds(extractor):
    text = (
        "1月23日，星海职业技术学院与远帆汽车有限公司共同举行星海职业技术学院远帆智能产业学院签约揭牌仪式暨"
        "理事会成立大会。"
    )
    event = "星海职业技术学院远帆智能产业学院签约揭牌仪式暨理事会成立大会"
    assert names(extractor, text).get(event) == "Conference"
    text = "3月9日下午，青川市星海小学教育集团隆重举行大石桥分校、东湖小学结对签约仪式。"
    assert ("青川市星海小学教育集团", "hosts", "大石桥分校、东湖小学结对签约仪式") in facts(extractor, text)


def test_a_roll_of_those_gathered_takes_part_in_the_texts_event(extractor):
    text = (
        "5月8日，青川产教联合体理事会会议在远帆学院召开。青川区区长王海林，远帆学院院长李强，"
        "星海光电行业协会等20家单位代表汇聚一堂，共话产教融合。"
    )
    event = "青川产教联合体理事会会议"
    relations = facts(extractor, text)
    assert {("王海林", "participatesIn", event), ("李强", "participatesIn", event)} <= relations
    assert ("星海光电行业协会", "participatesIn", event) in relations


def test_a_bodys_event_named_with_its_place_is_named_without_it_too(extractor):
    text = "7月9日，江北区青川远洋教育集团成立大会在青川剧场举行。江北区教育工作会议召开。"
    names = {e.label: e.aliases for e in extractor.extract(Article(id="t", title="", text=text)).entities}
    assert "青川远洋教育集团成立大会" in names["江北区青川远洋教育集团成立大会"]
    assert not names["江北区教育工作会议"]  # a meeting of no body's keeps its place: 教育工作会议 names no one


def test_a_ceremony_named_after_its_parties_is_named_without_them_too(extractor):
    text = "3月5日，江北职业学院与青川省工业经济联合会、青川省现代服务业联合会产教融合战略合作签约仪式在南京举行。"
    events = [
        e for e in extractor.extract(Article(id="t", title="", text=text)).entities if e.cls in ("Event", "Conference")
    ]
    assert any("产教融合战略合作签约仪式" in e.aliases for e in events)
    # an alias that ends the event's label: no name the gazetteer gives another text's event (each text its own)
    assert all(_short_reference("产教融合战略合作签约仪式", e.label, e.cls) for e in events)


def test_a_ceremony_of_two_parties_cooperation_and_what_else_is_done_at_it_is_theirs(extractor):
    text = "6月5日，明斯集团与江北技师学院校企合作暨赠送设备仪式在青川宾馆举行。集团总裁王明出席仪式。"
    event = "明斯集团与江北技师学院校企合作暨赠送设备仪式"
    assert event in names(extractor, text)
    assert ("王明", "participatesIn", event) in facts(extractor, text)


def test_one_occasion_under_two_names_joined_by_ji_is_one_event_named_by_each_proper_part(extractor):
    """A签约仪式暨B座谈交流会: one event, the whole its label (the second part names no meeting alone); where
    each part is a proper name (a body's in it), each is a name of the event too."""
    found = extract(
        extractor,
        "3月5日，青川学院与江北集团举行校企战略合作协议签约仪式暨人才培养座谈交流会。"
        "渝南新区产教联合体一届理事会二次会议暨青川大学（渝南）技术转移中心授牌仪式在渝南新区行政中心举行。",
    )
    events = {e.label: e for e in found.entities if e.cls in ("Conference", "Event")}
    assert "校企战略合作协议签约仪式暨人才培养座谈交流会" in events
    joined = events["渝南新区产教联合体一届理事会二次会议暨青川大学（渝南）技术转移中心授牌仪式"]
    assert {"渝南新区产教联合体一届理事会二次会议", "青川大学（渝南）技术转移中心授牌仪式"} <= joined.aliases
    assert not [label for label in events if label.endswith("签约仪式")]


def test_a_hall_a_square_or_a_park_the_meeting_is_held_in_is_its_place(extractor):
    """签约仪式在区规划展示馆举行, 颁奖典礼在某某音乐厅隆重举行: the venue is a place, where the event is."""
    found = extract(extractor, "江北区人民政府与青川大学合作签约仪式在区规划展示馆举行。颁奖典礼在星海音乐厅隆重举行。")
    assert {e.label for e in found.entities if e.cls == "Place"} >= {"区规划展示馆", "星海音乐厅"}
    assert "区规划展示馆" in {r.object.label for r in found.relations if r.predicate == "locatedIn"}


def test_a_great_hall_a_museum_or_a_library_the_meeting_is_held_in_is_its_place(extractor):
    """在某某会议中心大会堂召开: the hall, not a meeting called 某某会议中心大会; 在某某大学科技馆举行: a place,
    no unit of the university."""
    text = "2023星海商会大会在江北区市政会议中心大会堂召开。江北学院与星海公司签约仪式在青川大学科技馆举行。"
    found = extract(extractor, text)
    places = {e.label for e in found.entities if e.cls == "Place"}
    assert {"江北区市政会议中心大会堂", "青川大学科技馆"} <= places
    located = {(r.subject.label, r.object.label) for r in found.relations if r.predicate == "locatedIn"}
    assert ("2023星海商会大会", "江北区市政会议中心大会堂") in located
    assert not any(e.label.endswith("中心大会") for e in found.entities)
    assert not any(r.predicate == "partOf" and r.subject.label == "青川大学科技馆" for r in found.relations)


def test_a_ceremony_the_parties_carry_out_is_not_named_with_the_verb(extractor):
    """A与B联合进行了校企合作签约仪式: the ceremony is named by what is signed, not by the parties and the verb."""
    text = "12月6日，江北学院与远帆科技有限公司联合进行了校企合作签约仪式。学校党委副书记张三出席。"
    found = names(extractor, text)
    assert not any("进行" in name for name in found)
    assert found.get("江北学院") == "College" and found.get("远帆科技有限公司") == "Company"
    assert ("江北学院", "integratesWith", "远帆科技有限公司") in facts(extractor, text)


def test_an_occasion_joined_to_the_unveiling_of_a_base_ends_before_the_base(extractor):
    """会议举行了签约仪式及某某学院…基地揭牌仪式: 及 joins two occasions, not two fields of the base's name."""
    found = names(extractor, "会议举行了江北区与青川学院合作协议签约仪式及青川学院乡村振兴学院江北基地揭牌仪式。")
    assert found.get("青川学院乡村振兴学院江北基地") == "Platform"
    assert not any(name.startswith("仪式") for name in found)


def test_bodies_whose_representatives_attend_take_part_after_a_long_kind(extractor):
    """A、B、C等10家行业领军及新兴领域企业代表参加活动: the companies take part (the kind after 等 may be long)."""
    found = facts(
        extractor,
        "青川职业学院2024年校企合作洽谈会在学院举行。院长张明出席活动，星海科技、远帆航空、明斯数控等3家行业领军及"
        "新兴领域企业代表参加活动。",
    )
    taking_part = {s for s, p, o in found if p == "participatesIn"}
    assert {"星海科技", "远帆航空", "明斯数控"} <= taking_part


def test_a_ceremony_of_two_acts_and_ceremonies_of_appointing_and_donating_are_named(extractor):
    found = names(extractor, "1月8日晚，青川艺术职业学院校企合作签约与聘任仪式在星河剧场举行。")
    assert found.get("青川艺术职业学院校企合作签约与聘任仪式") == "Conference"
    found = names(extractor, "远帆公司向江北职业学院教学设备捐赠仪式举行。江北职业学院产业教授聘任仪式同日举行。")
    assert {"江北职业学院教学设备捐赠仪式", "江北职业学院产业教授聘任仪式"} <= set(found)


def test_a_signing_of_a_body_two_parties_build_is_named_after_the_body_too(extractor):
    text = "江北区人民政府与青川职业技术学院合作建设青川职业技术学院附属江北职业学校签约授牌仪式在江北宾馆举行。"
    event = next(e for e in extractor.extract(Article(id="t", title="", text=text)).entities if e.cls == "Event")
    assert "青川职业技术学院附属江北职业学校签约授牌仪式" in event.aliases


def test_a_ceremony_named_by_a_quoted_common_phrase_or_a_programs_name_is_no_proper_event(extractor):
    found = names(extractor, "双方举行“校院合作”签字仪式。学院与远帆公司举行“星火计划”签约仪式。")
    assert "“校院合作”签字仪式" not in found and "“星火计划”签约仪式" not in found
    assert found.get("星火计划") is not None  # the program signed is named
    assert names(extractor, "“青苗杯”技能大赛开幕。").get("“青苗杯”技能大赛") == "Competition"


def test_a_signing_ceremony_is_named_without_a_partys_note_of_its_short_name(extractor):
    text = (
        "7日上午，渝南理工大学与青川省高速公路集团有限公司（以下简称青川高速集团）校企产学研战略合作签约暨授牌仪式"
        "在青川高速集团举行。渝南职业教育集团（以下简称“集团”）2021年度工作会议在江北职业学院召开。"
    )
    labels = {e.label for e in extract(extractor, text).entities}
    assert "渝南理工大学与青川省高速公路集团有限公司校企产学研战略合作签约暨授牌仪式" in labels
    assert "渝南职业教育集团2021年度工作会议" in labels
    assert not any("简称" in label for label in labels)


def test_a_county_and_a_university_meeting_on_their_cooperation_is_named_by_both(extractor):
    text = "青川师范大学副校长王帆率队参加渝南县与青川师范大学县校合作座谈会，并就合作项目进行了签约。"
    found = facts(extractor, text)
    assert ("王帆", "participatesIn", "渝南县与青川师范大学县校合作座谈会") in found
    assert "县校合作座谈会" not in {e.label for e in extract(extractor, text).entities}


def test_an_occasion_joined_after_words_that_name_no_event_is_named_from_them(extractor):
    text = "江北区2024年中小学劳动成果展示暨劳动育人联合体成立大会在江北区举行。我校参加渝南区产学研暨政银企对接大会。"
    labels = {e.label for e in extract(extractor, text).entities}
    assert {"江北区2024年中小学劳动成果展示暨劳动育人联合体成立大会", "渝南区产学研暨政银企对接大会"} <= labels
    assert not {"劳动育人联合体成立大会", "政银企对接大会"} & labels


def test_a_groups_working_meeting_of_a_year_is_its_own_session(extractor):
    found = facts(extractor, "江北职业教育集团2015年工作会议在江北职业学院举行。")
    assert ("江北职业教育集团", "hosts", "江北职业教育集团2015年工作会议") in found


def test_the_school_holding_the_signing_and_unveiling_of_a_quoted_college_builds_it(extractor):
    found = facts(extractor, "4月14日，青川汽车工程职业学院举行“远帆航运产业学院”签约揭牌仪式。")
    assert ("青川汽车工程职业学院", "builds", "远帆航运产业学院") in found


def test_a_great_meeting_room_names_no_meeting(extractor):
    """在某某局大会议室举行: 大会 opens 大会议室, the room the signing is held in, and is no meeting's type word."""
    text = "江北区教育局带领校长奔赴青川，在青川市教育局大会议室举行了帮扶工作签约仪式。张三、李四参加。"
    assert not any(name.endswith("大会") for name in names(extractor, text))


def test_a_meeting_whose_spirit_is_carried_out_is_no_meeting_the_guests_attend(extractor):
    """为贯彻落实某某全会精神，…出席会议: 会议 is the text's own meeting, never the plenary whose spirit it follows."""
    text = (
        "为深入贯彻落实市委五届三次全会精神，12月16日，青川智慧交通行业产教融合共同体在青川市正式成立。"
        "省教育厅副厅长张三，青川市政府副秘书长李四出席会议并讲话。"
    )
    assert not any(p == "participatesIn" for _, p, _ in facts(extractor, text))


def test_the_organisers_of_a_ceremony_named_after_their_clause_host_it_under_its_whole_name(extractor):
    """由A、B共同主办，C、D联合承办的Z在某地举行: Z is the whole name after 的 (its verbs too: 校地共建…), however long
    the organisers' clause, and each organiser hosts it."""
    event = "校地共建青川创业实践基地揭牌暨青川文化产业职业学院科技园奠基仪式"
    text = (
        "由青川市人民政府、星海省就业促进会、星海省大众创新创业研究院共同主办，青川文化产业职业学院、远帆（星海）"
        f"教育投资集团有限公司联合承办的{event}在青川举行。仪式由青川文化产业职业学院执行校长李某某主持。"
    )
    assert names(extractor, text).get(event) == "Conference"
    found = facts(extractor, text)
    hosts = {"青川市人民政府", "星海省就业促进会", "星海省大众创新创业研究院", "青川文化产业职业学院"}
    assert {(host, "hosts", event) for host in hosts} <= found
    assert ("李某某", "participatesIn", event) in found


def test_a_quoted_event_held_in_a_place_is_located_there(extractor):
    text = "6月6日下午，由青川区人民政府主办的“星海大学服务地方经济产业发展论坛”在远帆市举行。"
    found = facts(extractor, text)
    assert ("星海大学服务地方经济产业发展论坛", "locatedIn", "远帆市") in found  # (the quote's label: no quotes)
    assert ("青川区人民政府", "hosts", "星海大学服务地方经济产业发展论坛") in found


def test_two_meetings_joined_by_ji_are_one_occasion_under_both_names(extractor):
    """某某年会暨某某研讨会: one occasion, which the organisers host and the guests attend under its whole name."""
    event = "全国星海职教联盟2025年年会暨青川县域职业教育发展研讨会"
    text = (
        "10月22日至23日，由全国星海职教联盟主办，青川市人民政府承办，青川市教育局协办的"
        f"{event}在青川市、远帆市分阶段召开。教育部职成司原副司长张某某出席会议并讲话。"
    )
    found = facts(extractor, text)
    assert {("青川市人民政府", "hosts", event), ("张某某", "participatesIn", event)} <= found
    assert not any(o == "青川县域职业教育发展研讨会" for _, _, o in found)


def test_a_meeting_joined_to_a_boards_session_by_ji_is_one_event(extractor):
    """某某联合体成立大会暨某某集团2023年理事会: 理事会 names the board's session, one occasion with the meeting."""
    event = "青川市域产教联合体成立大会暨青川职业教育集团2023年理事会"
    text = f"1月31日上午，{event}在青川凤凰大酒店隆重召开。青川市人民政府副秘书长朱某某出席。"
    assert ("朱某某", "participatesIn", event) in facts(extractor, text)


def test_organisers_listed_with_a_stray_space_host_the_quoted_event_after_their_de(extractor):
    """由A、B 、C共同主办，D承办的“Z”成功举办: a space before 、 breaks no list; Z follows 的 and its quote."""
    text = (
        "由共青团青川市委、青川市教育局、远帆镇人民政府 、星海街道办事处共同主办，青川技师学院承办的"
        "“青川人才推介会”成功举办。"
    )
    found = facts(extractor, text)
    hosts = ("共青团青川市委", "青川市教育局", "远帆镇人民政府", "星海街道办事处", "青川技师学院")
    assert {(host, "hosts", "青川人才推介会") for host in hosts} <= found


def test_a_signing_named_after_a_quoted_agreement_and_held_after_a_comma(extractor):
    """A与B“校企合作协议”签约仪式，在某地举行: the whole name is the event's (a comma before 在 too), and B, whose
    name the quoted event read first took, is a party of it."""
    text = "4月21日上午，星海桥架股份有限公司与青川学院“校企合作协议”签约仪式，在青川宾馆举行。青川学院副院长郑某出席。"
    event = "星海桥架股份有限公司与青川学院“校企合作协议”签约仪式"
    found = facts(extractor, text)
    assert {("星海桥架股份有限公司", "participatesIn", event), ("青川学院", "participatesIn", event)} <= found
    assert ("郑某", "participatesIn", event) in found
