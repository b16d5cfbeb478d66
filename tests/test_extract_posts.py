"""Who works where (worksAt) from the titles written around a person's name, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.confidence import everything
from kg.extract.gazetteer import Gazetteer
from kg.extract.pipeline import Extractor
from kg.sources.documents import Article


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(Gazetteer(), confidence=everything())  # the rules' own names (the model's: test_confidence)


def works_at(extractor: Extractor, text: str, title: str = "", site: str = "") -> set[tuple[str, str]]:
    article = Article(id="t", title=title, text=text, district="江北区", city="重庆市", site=site)
    return {(r.subject.label, r.object.label) for r in extractor.extract(article).relations if r.predicate == "worksAt"}


def names(extractor: Extractor, text: str) -> set[str]:
    """The names the recogniser reads in ``text`` (a division whose head is named: no node of the graph, but where
    its name ends tells where the head's does)."""
    return {m.name for m in extractor.recognizer.mentions(text, "江北区", "重庆市", extractor.gazetteer)}


def test_posts_in_two_government_bodies_across_a_comma(extractor):
    found = works_at(extractor, "江北区委教育工委书记，区教育局党组书记、局长王明出席会议。")
    assert {("王明", "江北区委教育工委"), ("王明", "江北区教育局")} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("江北区教育局原主任孙强出席会议。", set()),
        ("重庆职教促进会常务副会长、市科技局原副局长孙强主持会议。", {("孙强", "重庆职教促进会")}),
    ],
)
def test_a_former_post_is_no_work(extractor, text, expected):
    assert works_at(extractor, text) == expected


def test_a_bureau_named_right_before_its_heads_title(extractor):
    found = works_at(extractor, "管委会副主任周涛、社会事业局局长赵刚、经济发展局局长周一峰出席会议。")
    assert {("赵刚", "社会事业局"), ("周一峰", "经济发展局")} <= found


def test_the_short_name_of_a_numbered_school_of_the_place(extractor):
    text = "江北区第二职业学校与重庆长江有限公司合作。江北二职何文苏副校长、实训处陈建明副处长参加了活动。"
    # the vice-head of its 实训处, listed after the school's vice-head, works at the school (the office is where in
    # it: the convention of the development sets' guide)
    assert {("何文苏", "江北区第二职业学校"), ("陈建明", "江北区第二职业学校")} <= works_at(extractor, text)


def test_a_bare_district_body_in_a_chain_of_posts(extractor):
    found = works_at(extractor, "江北区教育党委书记、教育局局长沈明，副局长刘海燕、顾青出席仪式。")
    assert {("沈明", "江北区教育局"), ("刘海燕", "江北区教育局"), ("顾青", "江北区教育局")} <= found


def test_a_district_government_and_committee_under_their_formal_names(extractor):
    found = works_at(extractor, "江北区委副书记王明、江北区政府副区长李华出席会议。")
    assert {("王明", "中共重庆市江北区委员会"), ("李华", "江北区人民政府")} <= found


def test_a_body_named_again_without_its_places(extractor):
    text = "重庆市江北区星光教育集团成立。星光教育集团理事长王明出席。"
    assert ("王明", "重庆市江北区星光教育集团") in works_at(extractor, text)
    text = "四川省青川市渝南区职业高级中学与远帆公司签约。渝南区职业高级中学校长李华出席。"  # a province and a city
    assert ("李华", "四川省青川市渝南区职业高级中学") in works_at(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 发见 is a dictionary word too: the verb after the name decides where it ends
        ("江北理工学院党委书记任建发见证签约。", ("任建发", "江北理工学院")),
        ("江北理工学院副院长陶敏陪同参观。", ("陶敏", "江北理工学院")),
        ("江北理工学院党委书记马振清率队调研。", ("马振清", "江北理工学院")),
    ],
)
def test_a_name_ends_before_the_verb_it_is_the_subject_of(extractor, text, expected):
    assert expected in works_at(extractor, text)


def test_a_zones_committees_named_once(extractor):
    # 管委会 after the zone's 党工委 (and its title) is the zone's administrative committee
    assert ("王明", "青川职教城管委会") in works_at(extractor, "青川职教城党工委书记、管委会主任王明出席会议。")


def test_the_school_a_headline_names_is_the_one_whose_news_it_is(extractor):
    title = "江北新区管委会一行到青川职业技术学院调研交流"
    text = "6月20日，江北新区管委会副主任王明一行到访。我院院长李强、副院长赵红出席会议。"
    assert {("李强", "青川职业技术学院"), ("赵红", "青川职业技术学院")} <= works_at(extractor, text, title)


def test_the_school_a_headline_names_first_of_two_is_the_one_whose_news_it_is(extractor):
    # 某某学院与某某大学签约: the school that opens the headline is the publisher, 学校 in its text even right
    # after the other school is named (which its text names in full)
    title = "青川职业学院与星海大学签署合作协议"
    text = "近日，学校与星海大学签署合作协议。星海大学副校长李四、学校党委书记张三出席。"
    found = works_at(extractor, text, title)
    assert {("张三", "青川职业学院"), ("李四", "星海大学")} <= found
    assert ("张三", "星海大学") not in found


def test_a_name_between_a_unit_and_its_title(extractor):
    # 教务处赵明处长: the unit's last character (处, 系) opens no three-character name; 首席执行官 is a post
    text = "青川职业学院教务处赵明处长、学工处李强处长出席。星海航空股份有限公司首席执行官李秀智到访。"
    found = names(extractor, text)
    assert {"赵明", "李强", "李秀智"} <= found
    assert not found & {"处赵明", "处李强"}


def test_names_right_after_a_unit_of_a_body(extractor):
    # 招就处张三、李四: a unit's office, then its people without titles; 处于 is no office
    found = names(extractor, "青川职业学院招就处张明、李红，人事部门王立一行到访。青川处于国际化发展阶段。")
    assert {"张明", "李红", "王立"} <= found
    assert "于国际" not in found


def test_common_surnames_and_posts_the_lists_had_missed(extractor):
    found = works_at(extractor, "江北新区管委会副主任傅明一行到访。青川市工业经济联合会首席专务鲜建国出席会议。")
    assert {("傅明", "江北新区管委会"), ("鲜建国", "青川市工业经济联合会")} <= found


def test_a_preposition_and_a_body_after_a_title_are_no_name(extractor):
    article = Article(id="t", title="", text="院长王强向公司研发部经理颁发聘书。", district="", city="")
    assert "向公司" not in {e.label for e in extractor.extract(article).entities}


def test_a_bureaus_own_party_committee_is_the_bureau(extractor):
    found = works_at(extractor, "青川市江北区教育局党委书记、局长邱国华，副局长王伟出席。")
    assert {("邱国华", "青川市江北区教育局"), ("王伟", "青川市江北区教育局")} <= found
    assert not any(employer.endswith("党委") for _, employer in found)


def test_a_roll_of_posts_stops_at_another_body_and_a_name_holds_no_comma(extractor):
    found = works_at(extractor, "江北县委书记任强，县政协主席邓磊，县人大常委会主任龚平，副县长陶明，出席仪式。")
    assert any(person == "邓磊" and employer.endswith("政协") for person, employer in found)
    assert not any(person in ("龚平", "陶明") and employer.endswith("政协") for person, employer in found)
    assert not any("，" in person for person, _ in found)


def test_a_chain_of_a_schools_own_titles_opens_its_news(extractor):
    text = "近日，青川新区管委会副主任傅立带队来我院交流。"
    text += "党委副书记、院长盛华，党委委员、副院长杨帆参加座谈。"
    extraction = extractor.extract(
        Article(id="t", title="青川新区管委会到青川职业技术学院调研", text=text, district="", city="")
    )
    found = {(r.subject.label, r.predicate, r.object.label) for r in extraction.relations}
    assert ("盛华", "worksAt", "青川职业技术学院") in found and ("杨帆", "worksAt", "青川职业技术学院") in found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # the head of the district's government, whose first title is the party's
        (
            "江北区人民政府与重庆远山大学签约。区委副书记、区长李华，常务副区长赵敏出席。",
            {("李华", "江北区人民政府"), ("赵敏", "江北区人民政府")},
            set(),
        ),
        # a city's head: the city's government, not the district's
        (
            "重庆市政府、江北区政府与重庆远山大学签约。市长周平、副区长孙强出席。",
            {("周平", "重庆市政府"), ("孙强", "江北区人民政府")},
            {("周平", "江北区人民政府")},
        ),
        # no government of that level named: nothing is guessed
        ("江北区教育局与重庆远山大学签约。县长周平出席。", set(), {("周平", "江北区教育局")}),
    ],
)
def test_the_head_of_a_government_works_at_it(extractor, text, expected, absent):
    found = works_at(extractor, text)
    assert expected <= found
    assert not absent & found


def test_a_peoples_congress_standing_committee_of_the_place(extractor):
    article = Article(id="t", title="", text="区人大常委会主任李海、省人大常委会副主任、重庆远山大学党委书记周平出席。",
                      district="江北区", city="重庆市")  # fmt: skip
    found = {(r.subject.label, r.object.label) for r in extractor.extract(article).relations}
    assert {("李海", "江北区人大常委会"), ("周平", "重庆远山大学")} <= found


def test_a_zones_party_and_administrative_committees_in_one_chain(extractor):
    found = works_at(extractor, "江北经济开发区党工委委员、管委会副主任张强出席。")
    assert {("张强", "江北经济开发区党工委"), ("张强", "江北经济开发区管委会")} <= found


def test_the_schools_discipline_committee_does_not_end_its_roll(extractor):
    text = "重庆远山职业学院与江北区签约。学院党委副书记、院长万海，党委委员、纪委书记何平，党委委员、副院长宋文出席。"
    assert {("何平", "重庆远山职业学院"), ("宋文", "重庆远山职业学院")} <= works_at(extractor, text)


def test_a_government_post_after_a_roll_and_a_township_committee_in_a_chain(extractor):
    found = works_at(extractor, "江北区委常委、宣传部部长孙明远，副区长周立华出席活动。")
    assert ("周立华", "宣传部") not in found  # 副区长: the district government's post, not the roll's department
    found = works_at(extractor, "江北区委副书记、某某镇党委书记刘晓东出席仪式。")
    assert {("刘晓东", "某某镇党委"), ("刘晓东", "中共重庆市江北区委员会")} <= found


def test_a_party_committees_department_in_a_chain_of_posts(extractor):
    text = "江北学院院长王明，区委常委、宣传部部长孙明远出席活动。"
    article = Article(id="t", title="", text=text, district="江北区", city="重庆市")
    extraction = extractor.extract(article)
    found = {(r.subject.label, r.predicate, r.object.label) for r in extraction.relations}
    # the bare 区委 of the post is the district's (test_a_bare_party_committee_before_a_post_is_the_districts);
    # its department is no body of its own (the annotated sets give its head to the committee, 5 of 6 times),
    # nor the school's before it
    assert ("孙明远", "worksAt", "中共重庆市江北区委员会") in found
    assert not any("宣传部" in (s, o) for s, _, o in found)
    assert "宣传部" not in {e.label for e in extraction.entities}


def test_staff_of_an_alumni_association_and_a_vocational_education_society(extractor):
    found = works_at(extractor, "青川校友会会长林立恒、江北省中华职业教育社副主任陈立山全程陪同。")
    assert {("林立恒", "青川校友会"), ("陈立山", "江北省中华职业教育社")} <= found


def test_a_faculty_named_by_two_fields_and_its_dean(extractor):
    text = "江北大学党委副书记刘明远、化工与环境工程学院院长孙立新出席。"
    found = works_at(extractor, text)
    assert ("孙立新", "江北大学") in found and ("刘明远", "江北大学") in found  # a dean works at the university
    assert "化工与环境工程学院" in names(extractor, text)  # whose faculty it is, named whole


def test_a_schools_sections_and_a_bureaus_section(extractor):
    text = "江北技师学院副院长马立东，教务科科长莫立明，学生科科长徐立山随行。"
    assert {("莫立明", "江北技师学院"), ("徐立山", "江北技师学院")} <= works_at(extractor, text)
    assert {"教务科", "学生科"} <= names(extractor, text)
    found = works_at(extractor, "江北区教育局局长张勇明，职业教育科科长赵立英出席。")
    assert ("赵立英", "职业教育科") not in found  # a bureau's section: its staff are the bureau's


def test_local_bodies_of_the_reference_list_named_bare_in_a_chain_are_the_districts(extractor):
    found = works_at(extractor, "江北区委常委、副区长李明远、工商联主席安明峰、科学技术局局长周明伟出席。")
    assert {("安明峰", "江北区工商联"), ("周明伟", "江北区科学技术局")} <= found


def test_a_governments_head_works_at_it_when_the_text_speaks_of_governments(extractor):
    text = (
        "绵阳市人民政府、江北区人民政府与青川职业技术学院签约。"
        "副市长胡立军、青川职业技术学院院长马丁出席。四川省绵阳市副市长林立，北川市委常委、副市长苏晴，副区长周明出席。"
    )
    assert {
        ("胡立军", "重庆市人民政府"),  # the text's own city
        ("林立", "绵阳市人民政府"),  # the place before the title, without its province
        ("苏晴", "北川市人民政府"),  # the place of the committee titled before
        ("周明", "江北区人民政府"),  # the text's own district
    } <= works_at(extractor, text)
    # a post alone is a title: a text that speaks of no government of its level names none
    found = works_at(extractor, "副市长胡立军、青川职业技术学院院长马丁出席。副区长周明出席。")
    assert not any(body.endswith("人民政府") for _, body in found)


def test_a_bare_committee_after_its_zone_and_a_supervisors_title(extractor):
    text = (
        "江北高新技术产业开发区党工委书记何平，管委会主任钟毅，管委会副主任陶然、唐林出席。"
        "重庆远帆物流有限公司总裁严明、主管程远出席。"
    )
    assert {
        ("钟毅", "江北高新技术产业开发区管委会"),
        ("陶然", "江北高新技术产业开发区管委会"),
        ("唐林", "江北高新技术产业开发区管委会"),
        ("程远", "重庆远帆物流有限公司"),
    } <= works_at(extractor, text)


def test_a_two_character_name_before_suitong(extractor):
    text = "重庆渝州职业学院招生就业处副处长许静随同校长前往调研。"
    assert ("许静", "重庆渝州职业学院") in works_at(extractor, text)
    assert "招生就业处" in names(extractor, text)


def test_an_office_for_outside_relations_keeps_duiwai(extractor):
    text = "重庆渝州职业学院对外联络处处长刘洋、对外合作办主任张强参加。"
    assert {"对外联络处", "对外合作办"} <= names(extractor, text)
    assert {("刘洋", "重庆渝州职业学院"), ("张强", "重庆渝州职业学院")} <= works_at(extractor, text)


def test_offices_and_bureaus_named_after_two_fields(extractor):
    found = works_at(extractor, "学院学生与就业服务处副处长周敏，青川市经济与科技发展局局长吴刚出席会议。")
    assert {("周敏", "学生与就业服务处"), ("吴刚", "青川市经济与科技发展局")} <= found


def test_a_short_name_the_text_declares_is_the_company_wherever_it_is_used(extractor):
    text = (
        "青川职业学院与青川恒远精密机械有限公司（以下简称恒远精密）签约。"
        "学院副院长李强，恒远精密总经理赵明、技术部长孙涛出席。"
    )
    found = works_at(extractor, text)
    assert {("赵明", "青川恒远精密机械有限公司"), ("孙涛", "青川恒远精密机械有限公司")} <= found


def test_a_town_heads_post_and_a_name_before_the_lists_deng(extractor):
    text = "青川县石桥镇政府副镇长陈海峰，青川宏图科技有限公司总经理李其三等人出席。"
    assert {("陈海峰", "青川县石桥镇政府"), ("李其三", "青川宏图科技有限公司")} <= works_at(extractor, text)


def test_a_bodys_own_organ_and_a_provinces_federation(extractor):
    found = works_at(extractor, "青川省商务厅党组成员、机关党委书记林国华，省工商联副主席吴东华出席会议。")
    assert ("林国华", "青川省商务厅") in found  # 机关党委: the bureau's own organ, no body of its own
    assert any(person == "吴东华" and body.endswith("省工商联") for person, body in found)


def test_a_quoted_short_name_declared_in_brackets_before_a_unit(extractor):
    text = "青川职业技术学院（以下简称“青职院”）锂电学院学生王某在这里实习。青职院党委书记张生出席。"
    found = works_at(extractor, text)
    assert ("张生", "青川职业技术学院") in found


def test_posts_on_a_party_work_committee_and_an_education_commission(extractor):
    found = works_at(extractor, "市委教育工委委员、市教委副主任刘安民出席会议。")
    assert {("刘安民", "重庆市委教育工委"), ("刘安民", "重庆市教委")} <= found


def test_one_who_speaks_for_a_body_works_there_and_a_deputy_mayors_name_before_the_title(extractor):
    found = works_at(extractor, "嘉宾有陈海波教授。陈海波代表青川商贸职业学院致辞。")
    assert ("陈海波", "青川商贸职业学院") in found  # 代表某某学院致辞
    names = {e.label for e in extractor.extract(Article(id="t", title="", text="会议由罗建华副市长主持。")).entities}
    assert "罗建华" in names and "罗建华副" not in names


def test_a_groups_own_officers_work_at_the_group_the_text_is_about(extractor):
    text = (
        "3月2日，青川现代物流职教集团在青川商贸职业学院召开年度理事大会。集团理事长、校长毕海山主持会议。"
        "胡春明理事长部署全年工作。邓志峰秘书长通报年度工作。"
    )
    found = works_at(extractor, text)
    group = "青川现代物流职教集团"
    assert {("毕海山", group), ("胡春明", group), ("邓志峰", group)} <= found


def test_bare_xueyuan_after_an_industry_college_is_the_school_whose_news_it_is(extractor):
    text = (
        "青川职业技术学院与远航股份有限公司共同举行青川职业技术学院远航新能源产业学院揭牌仪式暨理事会成立大会。"
        "青川省教育厅高教处处长吴远，学院领导赵一鸣、孙浩然出席会议。"
    )
    article = Article(id="t", title="", text=text, site="青川职业技术学院")
    found = {(r.subject.label, r.predicate, r.object.label) for r in extractor.extract(article).relations}
    assert {("赵一鸣", "worksAt", "青川职业技术学院"), ("孙浩然", "worksAt", "青川职业技术学院")} <= found


def test_names_after_their_body_without_a_title_and_names_ending_in_a_verbs_character(extractor):
    text = (
        "青川机器人技术有限公司董事长王海荣、青川远山锻造有限公司吴庆山出席。会议由青川市总工会周文东主持。"
        "集团副理事长、青川技师学院院长张立让出席。学校党委书记代文杰致辞。"
    )
    found = works_at(extractor, text)
    assert {("吴庆山", "青川远山锻造有限公司"), ("周文东", "青川市总工会"), ("张立让", "青川技师学院")} <= found
    names = {e.label for e in extractor.extract(Article(id="t", title="", text=text)).entities}
    assert "代文杰" in names and "张立" not in names  # 代: a surname; 让 before 出席 ends the name


def test_titles_of_skill_and_honour_before_a_name(extractor):
    text = "省级技能大师马松林、江北劳动模范钱伟东等三人出席。"
    found = {e.label for e in extractor.extract(Article(id="t", title="", text=text)).entities if e.cls == "Person"}
    assert {"马松林", "钱伟东"} <= found


def test_a_party_committee_and_government_named_together_are_the_government(extractor):
    text = "在青川市委市政府、远帆县委县政府的支持下，星海学院与远帆县签署合作协议。"
    extraction = extractor.extract(Article(id="t", title="", text=text, district="", city=""))
    for written in ("青川市委市政府", "远帆县委县政府"):  # as the text writes it, one of the government's names
        (entity,) = [e for e in extraction.entities if written in e.aliases]
        assert entity.label.startswith(written[:3]) and "委" not in entity.label


def test_a_roll_of_posts_goes_on_through_a_title_of_three_posts(extractor):
    text = (
        "远帆建设有限公司党委书记、董事长王海林，常务副总经理刘晓春，党委委员、副总经理、工会主席陈立，"
        "总工程师周明等参加会议。"
    )
    found = works_at(extractor, text)
    for person in ("王海林", "刘晓春", "陈立", "周明"):
        assert (person, "远帆建设有限公司") in found


def test_the_school_of_the_text_right_after_the_date_that_opens_it(extractor):
    found = works_at(extractor, "5月10日学院党委书记王海林，学院院长刘晓春率队前往江北考察。", site="星海职业技术学院")
    assert ("王海林", "星海职业技术学院") in found and ("刘晓春", "星海职业技术学院") in found


def test_a_schools_heads_in_a_roll_with_a_districts_are_the_texts_schools(extractor):
    text = (
        "3月2日，政校合作签约仪式在学校礼堂举行。校长周立新、中共远帆区委副书记、区长刘海波、"
        "副校长孙明、中共远帆区委常委、常务副区长赵永强出席。远帆区人民政府与学校签约。"
    )
    found = works_at(extractor, text, site="星海职业技术学院")
    assert {("周立新", "星海职业技术学院"), ("孙明", "星海职业技术学院")} <= found  # not the committee's roll
    # the government a district head heads is the district's, though the party committee's name opens with 中共
    assert ("刘海波", "远帆区人民政府") in found
    assert not any(body.startswith("中共远帆区人民") for _, body in found)


def test_a_firm_named_again_by_its_brand_alone_is_the_firm(extractor):
    text = "青川职业技术学院与诺明贝尔化妆品股份有限公司签约。学院副院长李小明，诺明贝尔人事总监柏青出席。"
    found = works_at(extractor, text)
    assert ("柏青", "诺明贝尔化妆品股份有限公司") in found and ("柏青", "青川职业技术学院") not in found


def test_a_post_held_before_another_is_no_work(extractor):
    text = (
        "签约仪式在南京举行。青川省政协原副主席、省工经联首席专务吴冬明，"
        "省委组织部原常务副部长、省工经联专务柯立坚出席。"
    )
    found = works_at(extractor, text)
    assert not any(person in ("吴冬明", "柯立坚") for person, _ in found)  # their bodies now: unnamed (工经联)


def test_a_places_leaders_after_a_roll_of_a_schools_heads_are_not_its_staff(extractor):
    text = "江北大学党委书记王明、副校长李华、赵刚，区领导张强、刘洋等出席了仪式。"
    found = works_at(extractor, text)
    assert ("赵刚", "江北大学") in found  # the roll goes on through the names of one title
    assert not {("张强", "江北大学"), ("刘洋", "江北大学")} & found


def test_the_head_of_a_bureaus_section_works_at_the_bureau(extractor):
    found = works_at(extractor, "青川省教育厅职成处处长王明、江北市教育局职成科科长李华出席会议。")
    assert {("王明", "青川省教育厅"), ("李华", "江北市教育局")} <= found
    assert not {name for _, name in found} & {"青川省教育厅职成处", "江北市教育局职成科"}


def test_a_headquarters_and_its_deputy_commander(extractor):
    found = works_at(extractor, "江北青川对口帮扶指挥部副指挥长王明出席签约仪式。")
    assert ("王明", "江北青川对口帮扶指挥部") in found


def test_the_head_of_a_division_called_by_its_short_form_works_at_the_school(extractor):
    text = "11月3日，我校产业班开班仪式在建筑工程学院举行。建工学院党总支书记王明主持开班仪式。"
    found = works_at(extractor, text, site="江北学院")
    assert ("王明", "江北学院") in found and not {o for _, o in found} & {"建筑工程学院", "建工学院"}


def test_the_heads_of_divisions_listed_after_a_bodys_post_work_at_that_body(extractor):
    # the divisions of the committee's office, listed after its first section's head: the committee's, not the
    # school the text names most
    text = (
        "江北职业学院党委书记刘明出席。青川市委军民融合发展委员会办公室督查处处长张立、信息处处长李华、"
        "政治部主任王强出席。江北职业学院院长赵亮致辞。"
    )
    found = works_at(extractor, text)
    assert {("李华", "青川市委军民融合发展委员会"), ("王强", "青川市委军民融合发展委员会")} <= found
    assert ("刘明", "江北职业学院") in found and ("李华", "江北职业学院") not in found
    # a school's division listed after another of its divisions, after a company's: the school's
    text = "星海公司顾问吴总、技术曲总分别与学院科研处韩明处长、教务处苗立新处长交换合作项目具体实施意见。"
    assert ("苗立新", "江北学院") in works_at(extractor, text, site="江北学院")


def test_a_name_before_ren_and_a_title_and_a_title_of_two_words(extractor):
    # 任 (serves as) ends no name; 区域经理 is one title, no given name 区域 before 经理
    found = works_at(extractor, "青川技师学院院长张斌任理事长。星海汽车集团江北区域经理杜福谦来校交流。")
    assert ("张斌", "青川技师学院") in found and ("杜福谦", "星海汽车集团") in found
    assert not any(person in ("张斌任", "北区域") for person, _ in found)


def test_the_names_listed_after_a_head_of_governments_title_share_the_government(extractor):
    text = "江北区人民政府与渝南职业学院签约。区长张三、宣传部长李四、副区长王五、赵六和渝南职业学院副校长孙七出席。"
    found = works_at(extractor, text)
    assert {("王五", "江北区人民政府"), ("赵六", "江北区人民政府"), ("孙七", "渝南职业学院")} <= found
    assert ("李四", "江北区人民政府") not in found  # 宣传部长: a title of its own, no head of the government's


def test_an_official_with_a_rarer_surname_is_named_after_the_title(extractor):
    text = "江北区教育局副局长巨小川、渝南职业学院副院长南小海、青川学院院长修小山出席。"
    found = works_at(extractor, text)
    assert {("巨小川", "江北区教育局"), ("南小海", "渝南职业学院"), ("修小山", "青川学院")} <= found


def test_a_name_between_a_schools_name_and_its_title(extractor):
    text = "江北大学曹某副校长、渝南市第一中学周某老师和青川大学刘某某院士出席。"
    found = works_at(extractor, text)
    assert {("曹某", "江北大学"), ("周某", "渝南市第一中学"), ("刘某某", "青川大学")} <= found


def test_a_two_part_name_holding_du_and_a_title_holding_the_verb_diaoyan(extractor):
    text = "州长艾克拜尔·阿布都热合曼讲话。市乡村振兴局四级调研员夏某与渝南县县委书记李某某一行来校调研。"
    assert {"夏某", "李某某"} <= {person for person, _ in works_at(extractor, text)}
    assert "艾克拜尔·阿布都热合曼" in names(extractor, text)
    assert not any("与" in name for name in names(extractor, text))


def test_a_chief_agronomist_a_rarer_surname_and_the_short_name_of_the_vocational_education_society(extractor):
    text = "青川省教育厅副厅长战某，青川省中华职教社副主任刘某，青川省农业农村厅总农艺师秦某出席大会。"
    found = works_at(extractor, text)
    assert {("战某", "青川省教育厅"), ("刘某", "青川省中华职教社"), ("秦某", "青川省农业农村厅")} <= found


def test_a_titled_person_and_the_verb_they_govern_name_no_body(extractor):
    text = "院长助理张某委出席。副校长李某武率学校相关部门负责人参加。学校党委书记王某军代表学校致辞。"
    found = names(extractor, text)
    assert {"张某委", "李某武", "王某军"} <= found
    assert not any("院长" in name or "书记" in name for name in found)
    assert "技能大师张某强工作室" in names(extractor, "江北技师学院建成技能大师张某强工作室。")


def test_a_company_named_right_after_a_titled_person_starts_after_the_person(extractor):
    text = "仪式期间，渝南区区长李某飞和青川大学商学院院长张明伟东方科创有限公司董事长王某君共同签订合作协议。"
    found = works_at(extractor, text)
    assert ("王某君", "东方科创有限公司") in found
    assert "张明伟" in {person for person, _ in found}


def test_a_preposition_before_a_title_is_no_given_name(extractor):
    """座谈会由副校长某某主持: 谈 is a surname, but 谈会由 is the end of 座谈会 and 由."""
    found = extractor.extract(Article(id="t", title="", text="江北大学党委书记张三接见来宾，座谈会由副校长李四主持。"))
    persons = {e.label for e in found.entities if e.cls == "Person"}
    assert persons == {"张三", "李四"}


def test_a_firms_title_after_a_schools_roll_is_no_post_of_the_school(extractor):
    """校长张三、某某制药副总经理李四致辞: the firm, which the text names as no body, employs 李四; a private school's
    own 董事长 and 副董事长 stay its staff."""
    found = works_at(extractor, "仪式由江北卫校副校长李梦某主持，校长胡某辉、远帆制药副总经理吴永某分别致辞。")
    assert {("李梦某", "江北卫校"), ("胡某辉", "江北卫校")} <= found
    assert not any(person == "吴永某" for person, _ in found)
    found = works_at(extractor, "江北外语学院董事长宁某，副董事长宁某翔，执行校长肖某安出席。")
    assert {("宁某", "江北外语学院"), ("宁某翔", "江北外语学院"), ("肖某安", "江北外语学院")} <= found


def test_a_committee_named_after_its_place_said_twice_is_the_places_own(extractor):
    """青川县县委常委 (the county's level said again): 某县委, the same body as the text's 县委."""
    article = Article(
        id="t", title="", text="上午，青川县县委常委、副县长张三来校调研。", district="青川县", city="渝南市"
    )
    committee = next(e for e in extractor.extract(article).entities if e.cls == "GovernmentAgency")
    assert "青川县委" in {committee.label, *committee.aliases}


def test_the_schools_leaders_listed_with_xueyuan_said_again(extractor):
    """学院党委书记张三、学院党委副书记、院长李四、副院长王五: 学院 said again inside the list is the school still."""
    text = (
        "星海职业学院召开会议。学院党委书记王某龙、学院党委副书记、院长宫某、党委副书记、副院长张某某、"
        "常务副院长朱某某等学院领导出席。"
    )
    assert {(name, "星海职业学院") for name in ("王某龙", "宫某", "张某某", "朱某某")} <= works_at(extractor, text)


def test_posts_at_two_bodies_joined_by_a_member_a_chair_or_a_head(extractor):
    """省旅游局党组成员、某某学院党委书记张三: a post at each body, whichever title ends the first."""
    found = works_at(extractor, "省旅游局党组成员、星海职业学院党委书记方某某出席。")
    assert {("方某某", "省旅游局"), ("方某某", "星海职业学院")} <= found
    found = works_at(extractor, "青川市政协副主席、青川经济技术开发区工委书记冯某某出席。")
    assert {("冯某某", "青川市政协"), ("冯某某", "青川经济技术开发区工委")} <= found
    found = works_at(extractor, "星海创新中心负责人、星海资产公司董事长李某某介绍情况。")
    assert {("李某某", "星海创新中心"), ("李某某", "星海资产公司")} <= found


def test_the_group_a_groups_news_calls_jituan_gongsi(extractor):
    """集团公司党委书记、董事长张三: the group of the text, not a company named 集团公司."""
    text = "3月7日，星海建投集团与青川工程大学签署战略合作协议。集团公司党委书记、董事长米某某，总经理曹某出席。"
    found = works_at(extractor, text)
    assert {("米某某", "星海建投集团"), ("曹某", "星海建投集团")} <= found
    assert not any(body == "集团公司" for _, body in found)


def test_a_bare_bureau_of_a_zone_named_before_in_a_text_of_no_district(extractor):
    """某某度假区党工委书记…，区党工委副书记、管委会主任张三: in a text whose district the sidecar leaves out, 区党工委
    is the zone's named before, not a body named 区党工委."""
    text = (
        "3月3日上午，星海学院与青川旅游度假区校地合作签约仪式在青川旅游度假区管委会会议室举行。"
        "青川旅游度假区党工委书记伍某某讲话。学校校长刘某某和区党工委副书记、管委会主任张某签署校地合作协议。"
    )
    relations = extractor.extract(Article(id="t", title="", text=text, district="", city="")).relations
    found = {(r.subject.label, r.object.label) for r in relations if r.predicate == "worksAt"}
    assert {("张某", "青川旅游度假区党工委"), ("张某", "青川旅游度假区管委会")} <= found


def test_a_technician_college_is_a_secondary_vocational_school_its_own_news_calls_xueyuan(extractor):
    """技师学院: a technician college of the labour bureaus (技工院校), a secondary vocational school (the guide of
    round 36 and the ontology's class); its own news calls it 学院, and its offices' heads work at it."""
    text = (
        "9月3日，学院与江北区人民政府举行校地合作签约仪式。学院党委书记王立新出席并讲话，"
        "质量管理办公室主任王青山参加仪式。青川技师学院将与江北区深化合作。"
    )
    extraction = extractor.extract(Article(id="t", title="", text=text))
    assert {(e.label, e.cls) for e in extraction.entities} >= {("青川技师学院", "SecondaryVocationalSchool")}
    assert {("王立新", "青川技师学院"), ("王青山", "青川技师学院")} <= works_at(extractor, text)


def test_the_own_schools_party_committee_in_a_roll_after_a_guest_school(extractor):
    """学院党委委员、副院长某 after another college's people: the text's own college (its first), not the guest."""
    text = (
        "4月27日，青川现代职业技术学院与远帆装饰集团及江北美术专修学院签订校企合作协议。"
        "江北美术专修学院副院长周友明，学院党委委员、副院长李森林出席。"
    )
    found = works_at(extractor, text)
    assert {("周友明", "江北美术专修学院"), ("李森林", "青川现代职业技术学院")} <= found
    assert ("李森林", "江北美术专修学院") not in found


def test_a_groups_titles_then_the_own_schools_in_one_chain(extractor):
    """集团副理事长、秘书长、校党委副书记、某某学院院长: several titles between two bodies keep the chain (a post at
    each); 集团理事长、校长: the group's chair heads the text's own school too."""
    text = "1月19日，青川职教集团在青川职业技术学院召开理事会议。集团理事长、校长钱明远主持会议。"
    assert {("钱明远", "青川职教集团"), ("钱明远", "青川职业技术学院")} <= works_at(extractor, text)
    text = "1月19日，青川职教集团召开理事会议。集团副理事长、秘书长、青川技师学院院长赵克明出席。"
    assert {("赵克明", "青川职教集团"), ("赵克明", "青川技师学院")} <= works_at(extractor, text)
    assert ("王某", "星海集团") in works_at(extractor, "星海集团董事长、校长王某出席。")  # (no school of the text)


def test_ren_after_a_verb_of_serving_opens_no_name(extractor):
    """担任名誉院长, 兼任、副主任: 任 of the verb (serves as) before a title, no person 任某 (任建国副院长 is one)."""
    text = "两院院士在此执教或担任名誉院长。名师担任执行校长。中心主任由青川开放大学副校长兼任、副主任由中心主任兼任。"
    assert not any(name.startswith("任") for name in names(extractor, text))
    assert "任建国" in names(extractor, "学院聘请任建国副院长出席。")


def test_the_site_of_a_schools_office_named_after_it_publishes_the_schools_news(extractor):
    """site 某某职业技术学院校企合作中心: the school's office, whose site's 我校 is the school (the office's name the
    recogniser reads whole as a centre's)."""
    text = "4月15日，我校与星海微电子股份有限公司共建“星海微电子产业学院”。仪式由副院长吴长青主持。"
    found = works_at(extractor, text, site="青川职业技术学院校企合作中心")
    assert ("吴长青", "青川职业技术学院") in found
