"""Extraction: where a name starts, which phrases are names at all, and what a name carries.

Sentences written for these tests (invented places 江北 / 渝南 and invented companies), run through the real
recogniser, resolver and relation rules.
"""

from __future__ import annotations

import pytest

from kg.extract.confidence import everything
from kg.extract.gazetteer import Gazetteer
from kg.extract.namesakes import carried_brand, company_core
from kg.extract.ner import Recognizer, is_proper_name
from kg.extract.pipeline import Extractor
from kg.sources.documents import Article


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(Gazetteer(), confidence=everything())  # the rules' own names (the model's: test_confidence)


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer()


def run(extractor: Extractor, text: str):
    return extractor.extract(Article(id="test", title="", text=text, district="", city=""))


def labels_of(extractor: Extractor, text: str) -> set[str]:
    """The labels of the entities extracted from ``text``."""
    return {e.label for e in run(extractor, text).entities}


def names(recognizer: Recognizer, text: str) -> dict[str, str]:
    return {m.name: m.cls for m in recognizer.mentions(text) if not m.ref}


def relations(extraction) -> set[tuple[str, str, str]]:
    return {(r.subject.label, r.predicate, r.object.label) for r in extraction.relations}


def test_a_name_starts_after_the_title_person_and_verb_before_its_place(recognizer, extractor):
    found = names(recognizer, "党委书记、校长张明远拜访渝南经开区管委会及相关部门。")
    assert found.get("渝南经开区管委会") == "GovernmentAgency"
    extraction = run(extractor, "宜宾经开区管委会主任陈鹏说，经开区管委会将支持学校。")
    assert ("陈鹏", "worksAt", "宜宾经开区管委会") in relations(extraction)  # 经开区管委会: its short form
    assert found.get("张明远") == "Person" and not any("拜访" in name for name in found)
    found = names(recognizer, "这次签约标志着x江北金融高等专科学校迈出了新的一步。")  # a stray character
    assert "江北金融高等专科学校" in found and "x江北金融高等专科学校" not in found
    assert "国家技术转移西南中心江北分中心" in names(recognizer, "共建国家技术转移西南中心江北分中心。")


def test_a_verbs_complement_and_a_schools_division_start_no_name(recognizer):
    assert names(recognizer, "他表示，建设好特色产业学院意义重大，各成员要履行好联合体职责。") == {}
    # a school's faculties named by their field: divisions, of class College (not 医学院, a university)
    faculties = {"畜牧兽医学院": "College", "园林学院": "College"}
    assert names(recognizer, "校企合作办、畜牧兽医学院、园林学院负责同志参加。") == faculties
    assert "江北好未来教育集团" in names(recognizer, "江北好未来教育集团成立。")  # 好 of a brand, no complement
    assert names(recognizer, "介绍了毕业生在集团就职的情况，每个设区市建设一所学校。") == {}
    assert "江北现在教育集团" in names(recognizer, "江北现在教育集团成立。")  # 现在: no preposition


def test_each_county_and_a_districts_situation_are_no_places(recognizer):
    found = names(recognizer, "调研组具体了解各县区产业情况，深入江北市各县区，了解江北区区情。")
    assert not any("各" in name for name in found)
    assert "江北区区" not in found and found.get("江北区") == "District"


def test_a_verb_before_a_bare_type_word_names_nothing(recognizer):
    found = names(recognizer, "学院将利用产业园的优势，也期待产业园提供岗位，牢牢抓住市域产教联合体建设机遇。")
    assert found == {}


def test_an_event_or_base_named_by_common_words_only_is_no_name(recognizer):
    found = names(recognizer, "江北学院与渝南食品有限公司签订校企合作协议，学生参加技能大赛，建设劳动基地。")
    assert set(found) == {"江北学院", "渝南食品有限公司"}
    assert "智能制造实训基地" in names(recognizer, "双方共建智能制造实训基地。")  # named after its field
    found = names(recognizer, "江北市职业院校技能大赛开幕，江北区劳动教育实践基地揭牌。")
    assert "江北市职业院校技能大赛" in found and "江北区劳动教育实践基地" in found
    assert not is_proper_name("校企合作", "签约仪式", "Conference")
    assert is_proper_name("海棠", "小学", "PrimarySchool")  # a school's common words are its name


def test_short_names_of_vocational_schools(recognizer):
    found = names(recognizer, "江北机电高职校移址办学，渝南二职校同期招生。")
    assert found.get("江北机电高职校") == "VocationalCollege"
    assert found.get("渝南二职校") == "SecondaryVocationalSchool"


def test_the_school_a_text_names_only_inside_its_units_name_is_its_school(extractor):
    extraction = run(
        extractor,
        "江北金融高等专科学校数字产业学院揭牌仪式在学校报告厅举行。学校党委副书记王明远、学院院长李强等出席。",
    )
    assert ("王明远", "worksAt", "江北金融高等专科学校") in relations(extraction)


def test_a_unit_carrying_a_companys_brand_is_named_after_it(extractor):
    extraction = run(
        extractor,
        "江北农业职业技术学院与江北越秀辉山控股股份有限公司签约，共建越秀辉山产业学院。"
        "江北学院与东软教育科技集团共建东软软件产业学院。江北学院与江北建设有限公司共建建设产业学院。",
    )
    found = relations(extraction)
    assert ("越秀辉山产业学院", "namedAfter", "江北越秀辉山控股股份有限公司") in found
    assert ("东软软件产业学院", "namedAfter", "东软教育科技集团") in found
    assert not any(p == "namedAfter" and "建设" in s for s, p, _ in found)  # 建设: a common word, no brand
    assert company_core("江北越秀辉山控股股份有限公司") == "越秀辉山控股股份有限公司"
    assert carried_brand("建设产业学院", "江北建设有限公司") == ""


def test_a_bare_province_and_he_in_a_list_of_companies_start_the_next_name(extractor):
    text = "先后来到江北星河科技有限公司、广东和兴新材料科技股份有限公司、四川和盛包装有限公司等地。"
    labels = labels_of(extractor, text)
    assert {"广东和兴新材料科技股份有限公司", "四川和盛包装有限公司"} <= labels
    # a place joined with a body outside a list stays apart
    assert "华为公司" in labels_of(extractor, "重庆和华为公司签约。")


def test_a_firms_brand_longer_than_four_characters_after_its_place(extractor):
    labels = labels_of(extractor, "江北理工学院与深圳明川华创科技开发有限公司签约。")
    assert "深圳明川华创科技开发有限公司" in labels
    labels = labels_of(extractor, "江北区负责华创科技开发有限公司的工作。")
    assert "华创科技开发有限公司" in labels  # a verb after a district is no part of the firm's name


def test_the_bodies_concerned_are_no_name(extractor):
    labels = labels_of(extractor, "邀请周边城市有关政府部门、国内外行业协会代表参加。")
    assert not any("政府" in label or "行业协会" in label for label in labels)


def test_a_places_bodies_of_a_kind_are_no_name(extractor):
    text = "江北区各委办局、渝南区相关科局、青川当地政府、全省各州市区教育局和区县教育局负责人参加。"
    labels = labels_of(extractor, text)
    assert not any(label.endswith(("局", "政府")) for label in labels), labels
    assert "江北区教育局" in labels_of(extractor, "江北区教育局、青川县人民政府负责人参加。")


def test_a_titled_person_before_wei_and_a_verb_of_electing_end_no_name(extractor):
    # 推举 (elect) opens no name, and 为 after a titled person (明为 is a word elsewhere) ends the person's part
    labels = labels_of(extractor, "本次青川汽车职业教育联盟推举江北交通职业学院党委书记张明为联盟理事长。")
    assert {"青川汽车职业教育联盟", "江北交通职业学院"} <= labels
    assert not any("推举" in label or "为联盟" in label for label in labels)


def test_a_quoted_workshop_is_a_platform_and_a_plants_workshop_no_name(extractor):
    extraction = run(extractor, "江北职业学院联合星海食品有限公司共建“产业帮扶车间”。")
    found = {(e.label, e.cls) for e in extraction.entities}
    assert ("产业帮扶车间", "Platform") in found
    assert not any(label.endswith("车间") for label in labels_of(extractor, "学生走进星海食品有限公司生产车间参观。"))


def test_engineering_technology_in_a_schools_name_is_no_program(extractor):
    # 工程技术 (engineering technology): 工程 ends no program's name inside 某某工程技术学校
    found = {(e.label, e.cls) for e in run(extractor, "星海公司共建江北工程技术学校校外实训基地。").entities}
    assert ("江北工程技术学校", "School") in found and not any(label == "江北工程" for label, _ in found)


def test_a_common_word_before_zhengfu_names_no_government(extractor):
    found = names(Recognizer(), "此次活动政府“搭台”、校企联合“唱戏”。青川区政府、市政府、开发区政府、乡政府出席。")
    assert set(found) == {"青川区政府", "市政府", "开发区政府", "乡政府"}, found
    assert "青川市人民政府政府" not in names(Recognizer(), "根据青川市人民政府政府工作报告，全年新增岗位。")


def test_a_suggestion_and_a_connected_vehicle_are_no_names(extractor):
    # 建议 (suggest) opens no name; 网联 (connected) follows no website's 网
    found = names(Recognizer(), "他建议学校相关教学院加强合作，共同服务新能源与智能网联汽车产业链。")
    assert not any(name.startswith("建议") or name.endswith("智能网") for name in found), found


def test_a_rare_surname_after_a_title(extractor):
    assert names(Recognizer(), "江北学院校长眭明远出席。").get("眭明远") == "Person"


def test_a_verb_before_a_bare_county_committee_is_no_place(extractor):
    found = names(Recognizer(), "此次基地顺利揭牌，离不开县委、县政府的大力支持。")
    assert "县委" in found and not any(name.startswith("离") for name in found)
    found = names(Recognizer(), "调研组先后来星海化学工业集团有限公司、青川石油化工有限公司调研。")
    assert "星海化学工业集团有限公司" in found  # 先后来 (came, one after another), no 来 of the name


def test_a_market_is_no_city_and_students_are_no_persons_title(extractor):
    # 市场 (a market), 同学们 (the students, many): no city 海外工程市, no person 时鼓励 before a title 同学
    found = names(Recognizer(), "万总表示，目前海外工程市场发展潜力巨大，同时鼓励同学们发愤努力。")
    assert not any(name.endswith("市") or name.endswith("鼓励") for name in found), found


def test_a_person_with_a_title_before_a_bureau_joined_by_and(extractor):
    # 和 between a person's title and a bureau joins two parties, not two fields of one bureau's name
    labels = labels_of(extractor, "江北实验中学王林校长和渝南市教育局李华局长作为双方代表签约。")
    assert "渝南市教育局" in labels
    assert not any("校长和" in label for label in labels)
    assert "江北新区社区治理和社事局" in labels_of(extractor, "江北新区社区治理和社事局负责人参加。")


def test_development_zones_and_industrial_parks_named_after_their_places(extractor):
    found = {(e.label, e.cls) for e in run(extractor, "成都新都工业园、四川彭州开发区的企业参加。").entities}
    assert {("成都新都工业园", "District"), ("四川彭州开发区", "District")} <= found


def test_a_provinces_own_bodies_named_by_province_alone(extractor):
    labels = labels_of(extractor, "省发改委、省工信厅、省政协领导出席会议。")
    assert {"省发改委", "省工信厅", "省政协"} <= labels
    assert not labels_of(extractor, "省内外高校、省级示范校、省属企业参加。")


def test_a_zones_party_committee_and_administrative_committee(extractor):
    labels = labels_of(extractor, "青川经济开发区党工委、管委会与江北理工学院签约。")
    assert {"青川经济开发区党工委", "青川经济开发区管委会"} <= labels


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("在人才培养方面与江北星河公司深化合作。", "江北星河公司"),
        ("园区管理方江北物业公司经理王明接待了来宾。", "江北物业公司"),
        ("青禾教育集团相关负责人为江北产业学院揭牌。", "江北产业学院"),
        ("他说，很高兴与武汉远帆工商学院携手培养人才。", "武汉远帆工商学院"),  # no field joined by 与
    ],
)
def test_a_side_or_a_party_before_a_name_is_no_part_of_it(extractor, text, name):
    labels = labels_of(extractor, text)
    assert name in labels
    assert not any(label.endswith(name) and label != name for label in labels)


def test_federations_of_collectives_and_supply_cooperatives(extractor):
    found = {(e.label, e.cls) for e in run(extractor, "青川市手工业联合社、青川市供销合作社参加。").entities}
    assert {("青川市手工业联合社", "SocialOrganization"), ("青川市供销合作社", "GovernmentAgency")} <= found


def test_a_campus_is_named_after_its_school(extractor):
    found = {(e.label, e.cls) for e in run(extractor, "江北实验学校东区校区、我校南湖校区投入使用。").entities}
    assert ("江北实验学校东区校区", "School") in found
    assert not run(extractor, "学校新校区建成，老校区改造。").entities


def test_numbered_schools_by_their_short_names_in_a_list(extractor):
    found = {(e.label, e.cls) for e in run(extractor, "成员校包括青山二小、青山五小、二十七中、城东小学。").entities}
    assert {("青山二小", "PrimarySchool"), ("青山五小", "PrimarySchool"), ("二十七中", "SecondarySchool")} <= found
    # a numbered plenary session is no school
    assert not any(e.cls.endswith("School") for e in run(extractor, "学习十八届三中全会、四中全会精神。").entities)


def test_a_kind_after_deng_a_verb_before_yu_and_two_fields_of_a_department(recognizer):
    found = names(recognizer, "青川华泰机械有限公司等家电维修服务公司领导出席。学校希望能够与宏远集团深化合作。")
    assert found == {"青川华泰机械有限公司": "Company", "宏远集团": "Company"}  # a kind after 等; 能够 no name's
    assert names(recognizer, "材料与化学工程系主任王明出席。") == {"材料与化学工程系": "College", "王明": "Person"}


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("二十余家企业负责人齐聚兰州交通大学，共商人才培养。", "兰州交通大学", "University"),
        ("首先莲湖区教育局负责人介绍了集团化办学情况。", "莲湖区教育局", "GovernmentAgency"),
        ("从明年起江汉大学将与两家企业共建实训基地。", "江汉大学", "University"),
    ],
)
def test_the_words_of_a_clause_before_a_listed_division_or_institution(extractor, text, name, cls):
    extraction = run(extractor, text)
    found = {e.label: e.cls for e in extraction.entities if e.mentions}
    assert found.get(name) == cls
    assert not any(label.endswith(name) and label != name for label in found)  # no 齐聚…, 来…, 随后…
    assert not any(e.cls == "Person" for e in extraction.entities)  # 负责人齐聚: no person 齐聚


def test_a_brand_or_a_city_before_a_listed_place_stays_in_the_name(recognizer):
    found = names(recognizer, "国网湖南省电力有限公司与兰州市榆中县某某公司签约。")
    assert found.get("国网湖南省电力有限公司") == "Company"


def test_a_companys_brand_and_gongsi_after_its_full_name_is_the_same_company(extractor):
    extraction = run(extractor, "调研组走访了遵义市恒远实业有限公司。恒远公司总经理何明远介绍了生产情况。")
    assert "恒远公司" not in {e.label for e in extraction.entities if e.mentions}
    assert ("何明远", "worksAt", "遵义市恒远实业有限公司") in relations(extraction)


def test_a_groups_subsidiary_named_with_the_group_first_is_one_name(recognizer):
    found = names(recognizer, "中铁青川集团四川省路桥建设有限公司总经理向明远表示。")
    assert found.get("中铁青川集团四川省路桥建设有限公司") == "Company"
    found = names(recognizer, "江北教育集团青川市第三中学参加。")  # a group, then a member school: two names
    assert "江北教育集团" in found and "青川市第三中学" in found


def test_a_platform_described_by_common_words_is_no_name_even_when_built(recognizer):
    found = names(recognizer, "双方将搭建资源共享平台，共建“青川智造”实训平台和青川数字研修平台。")
    assert "资源共享平台" not in found
    assert "“青川智造”实训平台" in found


def test_a_city_whose_name_ends_with_zhou_and_the_province_before_a_city(extractor):
    # 州 before 市 is a city's own name (a listed one ending with 州), not a common word as 城 is in 城市
    extraction = run(extractor, "第三届论坛在杭州市举行，代表来自广东省潮州市。")
    labels = {e.label: e.cls for e in extraction.entities}
    assert labels.get("杭州市") == "City"
    assert labels.get("广东省潮州市") == "City" and "广东省" not in labels  # the province, no entity of its own


def test_common_words_before_mechanism_action_or_engineering_name_no_initiative(recognizer):
    found = names(recognizer, "学校以实际行动建立长效机制，开设机械工程专业，实施“一二三”工程。")
    assert not {"实际行动", "长效机制", "机械工程"} & found.keys()
    assert found.get("“一二三”工程") == "Initiative"  # a quoted name singles one out


def test_a_schools_office_named_ban_before_its_head(extractor):
    extraction = run(extractor, "江北职业技术学院校长刘文，招生办主任许强、区委办主任丁一出席。")
    assert "招生办" in {m.name for m in extractor.recognizer.mentions(extraction.article.text)}
    assert ("许强", "worksAt", "江北职业技术学院") in relations(extraction)
    assert "区委办" not in {e.label for e in extraction.entities}  # a government's office: no school's


def test_a_periodical_in_title_marks_before_its_staff_is_a_company(recognizer):
    text = "《江北教育导报》记者刘文、《职教与发展》副总编周平出席。区里印发《江北区职业教育提质方案》。"
    found = names(recognizer, text)
    assert found.get("江北教育导报") == "Company" and found.get("职教与发展") == "Company"
    assert found.get("江北区职业教育提质方案") != "Company"


def test_common_words_before_xuexiao_name_a_kind_of_school(recognizer):
    found = names(recognizer, "江北区实验学校将帮扶农村学校，共建特色学校。")
    assert "农村学校" not in found and "特色学校" not in found
    assert found.get("江北区实验学校") is not None


def test_a_title_before_a_listed_place_or_a_relative_body_ends_the_phrase(recognizer):
    found = names(recognizer, "集团副理事长绵阳市远帆文化传播有限公司总经理黄立、陈强代表市委讲话。")
    assert "绵阳市远帆文化传播有限公司" in found
    assert not any(name.startswith(("集团副理事长", "陈强代表")) for name in found)


def test_a_universitys_short_name_before_yu_is_another_party(recognizer):
    found = names(recognizer, "渝南师大与江北区人民政府签署战略合作协议。")
    assert found.get("江北区人民政府") == "GovernmentAgency"
    assert not any(name.startswith("渝南师大与") for name in found)


def test_a_side_before_wei_ends_the_phrase(recognizer):
    found = names(recognizer, "校方为重庆远帆农业发展有限公司定向培养人才。")
    assert "重庆远帆农业发展有限公司" in found


def test_belonging_to_a_group_is_no_part_of_its_name(recognizer):
    found = names(recognizer, "公司隶属重庆远帆生物科技股份有限公司。")
    assert "重庆远帆生物科技股份有限公司" in found


def test_a_zones_committee_and_a_bureau_before_weituo(recognizer):
    text = "绵阳高新技术产业开发区党工委书记何平出席。四川省教育厅委托专家组开展评审。"
    found = names(recognizer, text)
    assert found.get("绵阳高新技术产业开发区党工委") == "GovernmentAgency"
    assert found.get("四川省教育厅") == "GovernmentAgency"  # 委托 is a verb, not the start of 委 …


def test_a_listed_companys_short_name_by_its_shares(recognizer):
    found = names(recognizer, "远帆股份、明川控股与学校签约，双方按比例持有股份。")
    assert found.get("远帆股份") == "Company" and found.get("明川控股") == "Company"
    assert not any(name.endswith("持有股份") for name in found)


def test_the_kind_after_deng_is_no_part_of_the_last_item(recognizer):
    found = names(recognizer, "集团由锦江实验小学、东湖小学等学校组成。")
    assert "东湖小学" in found and not any(name.endswith("等学校") for name in found)


def test_holding_between_a_quote_and_a_ceremony_ends_the_name(recognizer):
    found = names(recognizer, "学校与企业合作开设的“远帆订单班”举行开班仪式。")
    assert not any("举行" in name for name in found)


def test_a_charter_on_trial_and_a_promotional_film_are_documents(recognizer):
    found = names(recognizer, "会议审议了《江北职教集团章程（试行）》，播放了《校地合作宣传片》。")
    assert not any(name.startswith(("江北职教集团章程", "校地合作宣传片")) for name in found)


def test_a_verb_before_a_quoted_model_is_the_clauses(recognizer):
    found = names(recognizer, "学校实践“高校助推”发展模式，江北区“领雁”工程启动。")
    assert "“高校助推”发展模式" in found and "江北区“领雁”工程" in found


def test_a_brands_first_character_before_a_function_word_after_a_break(extractor):
    text = "活动现场，瑞自远帆科技股份有限公司、青川物流有限公司等企业代表出席。一行11人到青川远帆物流有限公司调研。"
    names = {e.label for e in extractor.extract(Article(id="t", title="", text=text)).entities}
    assert "瑞自远帆科技股份有限公司" in names  # 自 is a brand's character here, not “from”
    assert "青川远帆物流有限公司" in names  # 到 after a count: the verb, no name's


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("当日，正值青川电子工程学校揭牌。", "正值青川电子工程学校"),  # a coinciding occasion, no name's part
        ("学院现有300余家校外实训基地。", "余家校外实训基地"),  # a count of a kind
        ("活动在5号教学楼三楼创客工作室举行。", "号教学楼三楼创客工作室"),  # a room by its number
        ("商会将把产业园打造成学生实践基地。", "成学生实践基地"),  # the verb's result, 成 no name's part
    ],
)
def test_no_name_starts_with_an_occasion_a_count_or_a_verbs_result(extractor, text, absent):
    names = {e.label for e in extractor.extract(Article(id="t", title="", text=text)).entities}
    assert absent not in names


def test_a_training_room_is_a_training_base(extractor):
    found = extractor.extract(Article(id="t", title="", text="学院与远帆科技有限公司共建数据标注实训室。"))
    assert ("数据标注实训室", "TrainingBase") in {(e.label, e.cls) for e in found.entities}


@pytest.mark.parametrize("text", ["希望同学们在冠名班中学有所成。", "同学们在实训班中学习了三个月。"])
def test_no_school_where_zhong_xue_opens_an_idiom_or_a_verb(extractor, text):
    assert not extractor.extract(Article(id="t", title="", text=text)).entities


def test_an_adverb_a_passive_and_a_universitys_students_end_no_name(recognizer):
    found = names(recognizer, "为青川学院广大学子提供了平台。星海受校党委委托致辞。今后集团将把合作作为重点。")
    assert "青川学院广大学" not in found and "青川学院" in found  # 广大学子: the many students
    assert not any(name.startswith(("星海受", "今后")) for name in found)


def test_a_quote_then_a_time_or_a_preposition_starts_no_name_and_a_kind_of_university_is_none(recognizer):
    found = names(recognizer, "张明介绍了学校“十五五”期间围绕应用型大学的发展规划所做的工作。")
    assert not any(cls == "University" for cls in found.values())  # “十五五”期间…: a time, then a kind of school
    found = names(recognizer, "星海学院是一所研究型大学，与“一带一路”沿线国家合作。")
    assert "星海学院" in found and "研究型大学" not in found


def test_a_schools_short_form_that_keeps_a_character_of_each_word_is_the_school(extractor):
    text = (
        "青川工业大学与星海科技有限公司签署合作协议。青工大党委书记王明表示，青工大将与公司深化合作。"
        "江北城市建设职业技术学院与星海科技有限公司共建实训基地，江北建院院长李华出席。"
        "远帆商贸学院与星海科技有限公司签约，远帆商贸职业学院院长赵强出席。"
    )
    extraction = run(extractor, text)
    found = relations(extraction)
    labels = {e.label: e for e in extraction.entities}
    assert "青工大" in labels["青川工业大学"].aliases and "青工大" not in labels
    assert ("王明", "worksAt", "青川工业大学") in found  # 青工大党委: the school's own committee
    assert not any(label.endswith("党委") for label in labels)
    assert ("李华", "worksAt", "江北城市建设职业技术学院") in found  # 江北建院
    assert "远帆商贸学院" in labels["远帆商贸职业学院"].aliases  # 职业 left out


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        # a body's type word before a stop word that makes a word with it elsewhere (联在)
        ("青川市工商联在远帆工业职业技术学院召开会议。", "远帆工业职业技术学院", "VocationalCollege"),
        ("青川市工商联在远帆工业职业技术学院召开会议。", "青川市工商联", "SocialOrganization"),
        # a person's name, then 与 and a university: two parties, not one school of two fields
        ("市长刘新荣与青川科技大学校长王海林签约。", "青川科技大学", "University"),
        ("市长刘新荣与青川科技大学校长王海林签约。", "刘新荣", "Person"),
        # a three-character name before 分别 (安分 is a word too)
        ("远帆师范学院党委书记李建安分别致辞。", "李建安", "Person"),
        ("中国工程院院士李明出席。", "中国工程院", "Organization"),
        # a verb that starts a body's type word (联合 of 联合体) starts no name at the type word's last character
        ("搭建联合体人才招聘服务平台。", "联合体人才招聘服务平台", "Platform"),
        # the visitors, then 与 and the body they meet; a town of science and education and its office
        ("参观结束后考察团与青川科教城管委会进行了座谈。", "青川科教城管委会", "GovernmentAgency"),
        ("远帆市职教园管理办组织人员赴青川科教城调研。", "远帆市职教园管理办", "GovernmentAgency"),
        ("远帆市职教园管理办组织人员赴青川科教城调研。", "青川科教城", "VocationalEducationPark"),
        # …and still a type word that ends with a stop word (管委会), or a verb before a body's name (联合|国家…)
        ("远帆产业园管委会社会事务局局长陈立出席。", "远帆产业园管委会社会事务局", "GovernmentAgency"),
        ("学校联合国家纺织技术创新中心共建实验室。", "国家纺织技术创新中心", "Platform"),
    ],
)
def test_a_name_ends_and_starts_at_the_words_it_is_made_of(recognizer, text, name, cls):
    assert names(recognizer, text).get(name) == cls


def test_a_peoples_congress_is_a_places(recognizer):
    assert names(recognizer, "逐步形成家校社协同育人大格局。") == {}  # 育人 then 大格局
    assert names(recognizer, "远帆县人大主任王海林出席。").get("远帆县人大") == "GovernmentAgency"
    assert names(recognizer, "远帆乡人大主席王海林出席。").get("远帆乡人大") == "GovernmentAgency"


def test_a_ranking_before_a_name_is_no_part_of_it(recognizer):
    found = names(recognizer, "学院已与世界500强远帆集团、中国500强青川集团建立了合作关系。")
    assert found.get("远帆集团") == "Company" and found.get("青川集团") == "Company"


def test_a_title_then_a_name_ending_like_a_place_is_a_person(recognizer):
    found = names(recognizer, "星海学院党委副书记、校长王立省，县委副书记周镇西出席。青川远帆两省合作。")
    assert found.get("王立省") == "Person" and found.get("周镇西") == "Person"
    assert not any(cls in ("Place", "District") for cls in found.values())


def test_a_body_and_its_verb_before_a_name_that_opens_with_a_province(extractor):
    text = "今年暑期，共青团远帆区委招募湖北星海师范学院等校学生开展志愿服务。"
    labels = labels_of(extractor, text)
    assert {"共青团远帆区委", "湖北星海师范学院"} <= labels  # (the league's committee keeps its name)


def test_a_university_student_base_names_no_university(extractor):
    text = "学校与远帆区签约。大会授予星海集团等41家企业“青川市远帆区大学生就业创业实训基地”。"
    article = Article(id="t", title="", text=text, site="星海职业技术学院")
    labels = {e.label for e in extractor.extract(article).entities}
    assert "星海职业技术学院" in labels  # the site's school, as the text names no school of its own
    assert "青川市远帆区大学" not in labels


def test_a_pronoun_and_its_verb_before_a_bare_type_word_name_nothing(extractor):
    labels = labels_of(extractor, "青川学院院长王海林出席。他勉励学校要再接再厉、勇攀高峰。")
    assert not any(label.startswith("他") for label in labels)


def test_a_summit_is_no_name_before_a_verb_of_meeting(extractor):
    labels = labels_of(extractor, "访问期间，王海林、李峻峰会见了远帆区委书记。")
    assert not any(label.endswith("峰会") for label in labels)  # 会见: met, no summit


def test_a_project_named_by_common_words_only_is_no_name(extractor):
    labels = labels_of(extractor, "双方将围绕战略合作项目、产业项目开展合作。")
    assert not any(label.endswith("项目") for label in labels)


def test_a_firms_brand_of_up_to_six_characters_after_its_province_or_city(extractor):
    text = "湖北明川青源生态文化旅游开发有限公司、江北市明恩(青川园)农林科技开发有限公司签约。"
    labels = labels_of(extractor, text)
    assert {
        "湖北明川青源生态文化旅游开发有限公司",
        "江北市明恩（青川园）农林科技开发有限公司",
    } <= labels  # (labels: full-width)


def test_the_districts_party_committee_and_government_named_at_once_are_its_government(extractor):
    article = Article(id="t", title="", text="深入贯彻落实区委区政府的部署。", district="吉州区", city="吉安市")
    labels = {e.label for e in extractor.extract(article).entities}
    assert labels == {"吉州区人民政府"}  # (the text's district's: not 吉州区委区人民政府)
    labels = labels_of(extractor, "江北区委区政府高度重视。")
    assert not any("委区" in label for label in labels)


def test_a_countys_own_departments_name_no_other_place(extractor):
    labels = labels_of(extractor, "岚县县直有关部门负责人参加了签约仪式。")
    assert "岚县县" not in labels


def test_a_brand_ending_in_neng_before_a_trade(extractor):
    labels = labels_of(extractor, "青川省茶业集团有限公司、四川明发睿能科技股份有限公司签约。")
    assert "四川明发睿能科技股份有限公司" in labels and "科技股份有限公司" not in labels


def test_a_brand_before_a_province_inside_a_firms_name(extractor):
    text = "由维格明湖北流体技术有限公司（以下简称维格明）承办。中国明通湖北分公司参加。"
    extraction = run(extractor, text)
    labels = {e.label for e in extraction.entities}
    assert "维格明湖" not in labels  # 湖北, a province, not 北流, a city, follows the brand
    assert "维格明" not in labels  # the firm's own short name, no parent of it
    assert ("中国明通湖北分公司", "partOf", "中国明通") in relations(extraction)


def test_qi_after_a_verb_opens_no_name(extractor):
    labels = labels_of(extractor, "希望通过搭建校企合作桥梁，建立起日常联系互访机制。")
    assert not any(label.startswith("起") for label in labels)


def test_a_bylines_people_named_with_no_space_after_their_role(extractor):
    text = "青川新闻网讯 通讯员邓明 彭立 吴立豪 记者卢幼青报道 4月26日，青川市域产教联合体成立大会在青川举行。"
    labels = labels_of(extractor, text)
    assert not {"邓明", "彭立", "卢幼青"} & labels  # who wrote the news, no person of it


def test_former_before_a_places_body_is_no_part_of_its_name(extractor):
    labels = labels_of(extractor, "原江北区第一中学并入星海教育集团，原阳县人民政府派员出席。")
    assert {"江北区第一中学", "原阳县人民政府"} <= labels  # 原阳县 is a county of its own
    assert "原江北区第一中学" not in labels


def test_a_byline_in_brackets_is_no_part_of_the_name_after_it(extractor):
    labels = labels_of(extractor, "青川日报讯（记者王珊）青川旅游职业教育集团昨日成立。")
    assert "青川旅游职业教育集团" in labels
    assert not any("记者" in label for label in labels)


def test_a_roll_of_employers_named_by_brand_and_trade_is_one_of_firms(extractor):
    text = "经开区邀请江北职业学校就业负责人考察了青川汽车、明斯光电、渝南电机等数家用人单位。"
    classes = {e.label: e.cls for e in run(extractor, text).entities}
    assert {classes.get(name) for name in ("青川汽车", "明斯光电", "渝南电机")} == {"Company"}
    # a list of 单位 with no trades is no list of firms
    plain = {e.label: e.cls for e in run(extractor, "调研组走访了青川广场、明斯社区等单位。").entities}
    assert "Company" not in {plain.get("青川广场"), plain.get("明斯社区")}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("学校是地方政府与高等学校联合办学的成果。", "地方政府"),  # 等 of 高等 closes no list
        ("新形势下地方政府与高校合作。", "新形势下地方政府"),  # 在…下: the circumstances, no part of a name
        ("企业发挥自身优势回报社会。", "自身优势回报社"),  # 报社 of 回报社会: no newspaper
        ("不断提升高新区基础教育水平。", "提升高新区"),  # a verb, then the text's own zone
        ("推动教育改革，加深区校合作。", "加深区"),  # 区 of 区校合作 after a verb
        ("推进学习，利用江北终身教育学分银行。", "利用江北终身教育学分银行"),  # 利用, as 依托: a verb
    ],
)
def test_a_word_and_a_verb_make_no_name_with_the_type_word_after_them(extractor, text, absent):
    assert absent not in labels_of(extractor, text)


def test_a_new_towns_bureau_is_named_whole_through_its_nominal_verb(extractor):
    labels = labels_of(extractor, "区政府党组成员、东部新城建设管理局局长王明出席。")
    assert "东部新城建设管理局" in labels and "管理局" not in labels


def test_a_group_the_text_calls_a_company_too_is_one_company(extractor):
    extraction = run(extractor, "明斯集团与江北职业技术学院签约。明斯公司总经理王明出席仪式。")
    companies = {e.label for e in extraction.entities if e.cls == "Company"}
    assert companies == {"明斯集团"}
    assert ("王明", "worksAt", "明斯集团") in {
        (r.subject.label, r.predicate, r.object.label) for r in extraction.relations
    }


def test_schools_a_plaque_is_unveiled_for_or_listed_after_a_count_are_bodies_not_titles(extractor):
    text = (
        "王明、李华等先后为江北大学附属实验学校、江北大学附属西城幼儿园与江北大学附属永和幼儿园揭牌。"
        "全区将新增3所合作单位，分别为江北大学附属实验学校、江北大学附属西城幼儿园与江北大学附属永和幼儿园。"
    )
    classes = {e.label: e.cls for e in run(extractor, text).entities}
    assert classes.get("江北大学附属实验学校") == "School"
    assert classes.get("江北大学附属永和幼儿园") == "Kindergarten"  # 永和: a word ending in 和, no conjunction
    assert "Designation" not in classes.values()


def test_a_school_unveiled_under_its_new_name_is_not_named_through_the_verb(extractor):
    labels = labels_of(extractor, "双方代表共同为青川路中学挂牌江北师范学院附属中学揭牌。")
    assert "江北师范学院附属中学" in labels
    assert not any("挂牌" in label for label in labels)
    assert "江北职业学院实训基地挂牌仪式" in labels_of(extractor, "江北职业学院实训基地挂牌仪式在学院举行。")


def test_a_bureau_of_two_fields_joined_by_he_is_one_name_a_title_before_he_is_not(extractor):
    labels = labels_of(extractor, "3月7日，青川东湖新区社区治理和社事局与江北市实验中学签署合作办学协议。")
    assert "青川东湖新区社区治理和社事局" in labels and "社事局" not in labels
    labels = labels_of(extractor, "江北区副区长王明和区委教工委书记李华出席。")
    assert not any("王明和" in label for label in labels)


def test_a_factory_named_by_its_brand_and_place_is_a_company_a_kind_of_factory_is_none(extractor):
    classes = {
        e.label: e.cls
        for e in run(extractor, "明斯汽车武汉工厂向学校捐赠汽车。学校建设智能工厂和数字化工厂。").entities
    }
    assert classes.get("明斯汽车武汉工厂") == "Company"
    assert not {"智能工厂", "数字化工厂"} & set(classes)


def test_a_places_schools_two_joined_bodies_and_verbs_after_a_quote_are_no_names(recognizer):
    """江北区中小学: the schools of a district, a kind; 局 then 区委: two bodies; 超 inside a firm's name; a verb
    between a quote and a type word (“…”加入…联盟, “十四五”开好局) ends the quoted name; 教育部门 is no ministry."""
    found = names(
        recognizer,
        "江北区中小学积极开展劳动教育，推进新时代大中小学思政课建设。"
        "江北区教育和体育局区委教育工委副书记张明带队。"
        "渝南高分子超材料有限公司参加签约，企业超100家。"
        "渝南县“园校企共同体”加入星海职教联盟的申请获通过。"
        "为“十四五”开好局。各设区市教育部门推荐。",
    )
    assert not [n for n in found if n.endswith("中小学")]
    assert found["江北区教育和体育局"] == "GovernmentAgency" and "区委教育工委" in found
    assert found["渝南高分子超材料有限公司"] == "Company"
    assert found["星海职教联盟"] and not [n for n in found if "加入" in n or "开好" in n]
    assert not [n for n in found if n.endswith("教育部")]


def test_a_units_two_fields_a_kind_of_university_and_a_bodys_development_before_a_base(recognizer):
    """江北社会科学院区域经济与社会研究所: the academy's institute of two fields, one name; 办出应用型大学特色: a kind
    of university; 观摩 governs the base; 学校发展和某某实训基地: the school's development, then the base."""
    found = names(
        recognizer,
        "江北社会科学院区域经济与社会研究所所长张明出席。依托行业是办出应用型大学特色的重要载体。"
        "实地观摩渝南实训基地，听完农职院发展和远帆实训基地情况介绍。集团公司发展历程及星海新材料公司情况。"
        "中共江北市委人才和大学城工作局局长张明出席。",
    )
    assert found["江北社会科学院区域经济与社会研究所"] == "Organization"
    assert not [n for n in found if "应用型" in n or "观摩" in n or "发展和" in n or "历程" in n]
    assert found["渝南实训基地"] == found["远帆实训基地"] == "TrainingBase"
    assert found["星海新材料公司"] == "Company" and found["中共江北市委人才和大学城工作局"] == "GovernmentAgency"


def test_a_branch_of_an_association_is_one_name_and_a_numbered_hospital_is_another_body(extractor):
    """某某联合会职业教育分会: the branch, named after its association (分会场 is no branch); 州人民医院 and
    州第二人民医院 are two hospitals, no short form of each other."""
    found = labels_of(
        extractor,
        "江北省机械电子工业联合会职业教育分会和渝南高端装备制造产教联合体主办年会，在分会场举行。"
        "学校与州人民医院、州中医医院及州第二人民医院签约。",
    )
    assert {"江北省机械电子工业联合会职业教育分会", "渝南高端装备制造产教联合体"} <= found
    assert {"州人民医院", "州第二人民医院"} <= found
    assert not [n for n in found if n.endswith("分会场")]


def test_zai_before_a_venue_tebao_and_a_graduates_time_word_end_names_and_scholarships_are_prizes(recognizer):
    """集团在意远…基地: 在 starts the venue (在意 is no word here); 特邀 governs the guest's university; 毕业生在…公司:
    the company alone; “某某奖学金”: a scholarship is a prize (就业, 自治区, 在线 stay inside names)."""
    found = names(
        recognizer,
        "江北职业技术学院与星海教育集团在意远教育(园区)基地召开推进会。学院特邀渝南理工学院张明教授莅临。"
        "许多毕业生在明斯转向系统公司成为骨干。订单班设有“远帆地铁奖学金”“星海奖学金”。"
        "江北科技学院就业实习基地、自治区级中小学生研学实践教育基地和青川在线教育平台。",
    )
    assert found["意远教育(园区)基地"] and found["渝南理工学院"] == "University"
    assert found["明斯转向系统公司"] == "Company"
    assert found["远帆地铁奖学金"] == found["星海奖学金"] == "Prize"
    assert {"江北科技学院就业实习基地", "青川在线教育平台"} <= set(found)
    assert not [n for n in found if n.startswith(("许多", "学院特邀")) or "集团在" in n]


def test_a_title_and_person_before_he_and_a_platform_before_a_company_of_a_city_end_names(recognizer):
    """市技师学院副院长张明和某某有限公司: the vice-president's school, then the company; 某某科创中心烟台某某有限公司:
    the centre, then a company of a city the dictionary calls a noun; 急需 governs what follows."""
    found = names(
        recognizer,
        "市技师学院副院长张化中和远帆客车控股有限公司总经理王传明签署协议。在星湾科创中心烟台星海科技有限公司举行。"
        "称转型升级期急需机械工程等领域人才。",
    )
    assert found["远帆客车控股有限公司"] == found["烟台星海科技有限公司"] == "Company"
    assert found["星湾科创中心"] == "Platform"
    assert not [n for n in found if "副院长" in n or "急需" in n]


def test_a_commissar_is_a_title_and_a_kind_of_university_is_no_name(recognizer):
    """某某指挥部政委张三: the command's political commissar, no body 政委; 产业伙伴型大学: a kind."""
    found = names(recognizer, "江北市品质生活指挥部政委张天学出席。学校致力打造产业伙伴型大学、应用型大学。")
    assert found["江北市品质生活指挥部"] == "GovernmentAgency"
    assert not [n for n in found if n.endswith(("政委", "型大学"))]


def test_a_schools_offices_a_list_closed_by_deng_and_a_delegating_leader_name_no_bodies(recognizer):
    """校长办公室、某某学院、教务处等部门: a school's own offices, no government's bodies; 张三、李建平等医院: 等
    closes the list before the kind (中等职业学校 keeps its level); 受学校领导委派: 委 of 委派; 整个某某市: the city."""
    found = names(
        recognizer,
        "校长办公室、高职学院、机械学院、教务处等部门负责人参加了会议。王丽、李建平等医院负责人表示支持。"
        "受学校领导委派，旅游学院院长率队。推动整个江北市的乡村振兴。青川市中等职业学校和渝南高等职业技术学院参加。",
    )
    assert "校长办公室" not in found and "高职学院" not in found
    assert not [n for n in found if n.endswith(("等医院", "领导委")) or n.startswith("整个")]
    assert found["青川市中等职业学校"] == "SecondaryVocationalSchool" and "渝南高等职业技术学院" in found


def test_shoudu_starts_a_name_and_verbs_of_bringing_in_and_marking_govern_one(recognizer):
    """首都师范大学: 首都 (an adverb to the dictionary) opens the name; 引入, 标志著 and a count after a quote
    (“…计划”累计培训…中小学) end what stands before the name."""
    found = names(
        recognizer,
        "首都师范大学附属江北学校和首都师范大学教育集团。青川片区引入青川师范大学实验中学。这标志著渝南学校落户。"
        "“千名园长培训计划”累计培训全省中小学校长。",
    )
    assert {"首都师范大学附属江北学校", "首都师范大学教育集团", "青川师范大学实验中学", "渝南学校"} <= set(found)
    assert not [n for n in found if n.startswith(("师范大学", "青川片区", "标志")) or "累计" in n]


def test_a_kind_of_school_owns_no_unit_and_a_question_word_starts_no_name(extractor):
    """江北区中小学劳动实践育人联合体: the district's schools are a kind, no owner of the alliance; 如何提升产业学院,
    现阶段产业学院: the industry college of the clause, no name; 常务副总 and 区长候选人 are titles."""
    found = run(
        extractor,
        "江北区中小学劳动实践育人联合体成立。双方就职能定位、发展路径及如何提升产业学院服务能力进行研讨，"
        "现阶段产业学院仍有不足。青川有限公司常务副总张明、渝南区委副书记、区长候选人陈晴川出席。",
    )
    labels = {e.label for e in found.entities}
    assert "江北区中小学劳动实践育人联合体" in labels and "江北区中小学" not in labels
    assert not [n for n in labels if n.endswith("产业学院")]
    works = {(r.subject.label, r.object.label) for r in found.relations if r.predicate == "worksAt"}
    assert ("张明", "青川有限公司") in works and "陈晴川" in {s for s, _ in works}


def test_a_name_after_a_clauses_verb_starts_where_the_text_names_it_elsewhere(recognizer):
    text = (
        "青川职业学院安居汽车实训基地投入使用。来宾对学校的发展和安居汽车实训基地的建设表示肯定，"
        "并就投资兴建安居汽车实训基地表明合作意向。"
    )
    found = names(recognizer, text)
    assert "安居汽车实训基地" in found
    assert not any(name.startswith(("发展和", "投资兴建")) for name in found)


def test_an_industrial_park_is_a_place(recognizer):
    assert names(recognizer, "学院与江北电子信息产业园签订合作协议。")["江北电子信息产业园"] == "Place"


def test_a_quoted_subject_before_a_word_of_the_clause_names_nothing(recognizer):
    found = names(recognizer, "会上发布了“十大重点片区”教育布局规划。")
    assert not any(name.endswith(("教育", "布局")) for name in found)  # 布局: no bureau (局), 教育 no program
    assert names(recognizer, "学校开展“五防”教育。")["“五防”教育"] == "Program"


def test_a_local_bodys_name_without_its_place_is_its_own_only_in_its_own_district():
    from rdflib import URIRef

    from kg.extract.gazetteer import Known

    known = Known("江北区家庭教育指导服务中心", "ServiceCenter", URIRef("urn:x:center"), "江北区", "青川市")
    gazetteer = Gazetteer([("江北区家庭教育指导服务中心", known), ("家庭教育指导服务中心", known)])
    text = "家庭教育指导服务中心专员参加会议。"
    elsewhere = Extractor(gazetteer, confidence=everything()).extract(
        Article(id="t", title="", text=text, district="", city="星海市")
    )
    assert "江北区家庭教育指导服务中心" not in {e.label for e in elsewhere.entities}
    home = Extractor(gazetteer, confidence=everything()).extract(
        Article(id="t", title="", text=text, district="江北区", city="青川市")
    )
    assert "江北区家庭教育指导服务中心" in {e.label for e in home.entities}


def test_two_schools_joined_by_and_stay_two_and_each_is_its_full_names_short_form(extractor):
    text = "新建两所学校：青川师范大学附属前湾中学、青川师范大学附属龙航小学。其中前湾中学和龙航小学明年开学。"
    found = labels_of(extractor, text)
    assert {"青川师范大学附属前湾中学", "青川师范大学附属龙航小学"} <= found
    assert not found & {"前湾中学", "龙航小学", "前湾中学和龙航小学"}  # (和龙 is a place's name elsewhere)


def test_a_stop_word_across_two_words_is_none(recognizer):
    # 夯实|现代: 实现 (a verb that would end the clause) is no word here; the name starts at 现代
    assert "现代语言服务产业学院" in names(recognizer, "深化协同育人，夯实现代语言服务产业学院建设。")
    assert "江北产业学院" in names(recognizer, "为实现江北产业学院目标而努力。")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("期待与青川技工学校共筑跨区域人才协作平台。", "跨区域人才协作平台"),  # 共 then 筑: one verb, no 筑… name
        ("这里坐拥渝南高新技术产业园。", "渝南高新技术产业园"),
        ("江北物流产业学院前身为青川物流学院。", "青川物流学院"),  # (身为 is a word: 为 alone did not stop it)
        ("参观江北中专校企合作单位青川车轮制造有限公司。", "青川车轮制造有限公司"),  # the company's role, no name
    ],
)
def test_a_verb_or_a_role_before_a_name_is_no_part_of_it(recognizer, text, name):
    assert name in names(recognizer, text)


@pytest.mark.parametrize("text", ["把学校办成百姓家门口的“好学校”。", "办好“家门口的学校”，提供优质教育。"])
def test_a_quoted_phrase_ending_in_a_schools_type_word_is_no_school(recognizer, text):
    assert not any(label.endswith("学校") for label in names(recognizer, text))


def test_a_verb_before_a_type_word_makes_no_name_of_a_clause(recognizer):
    # 采用|网上直播: 网 is no news site's type word here, and the street office is no part of it
    found = names(recognizer, "青川区妇联联合江北街道采用网上直播形式举办活动。")
    assert not any(label.endswith("网") for label in found)


def test_verbs_of_choosing_planning_and_sending_and_words_of_time_open_no_name(extractor):
    texts = (
        "青川童游城研学基地等7家单位被评选为市级研学基地，新评基地数量全市最多。",
        "对接江北职业教育创新园，谋划两地职校开展合作办学，拓宽学校办学渠道。",
        "会前校党委书记周立与董事长亲切交流。董事长对学院派到公司的教师给予肯定。",
    )
    for text in texts:
        found = labels_of(extractor, text)
        assert not any(label.startswith(("评选", "两地", "新评", "拓宽", "会前", "学院派")) for label in found), found


def test_a_listed_platforms_brand_may_hold_a_stop_character_but_a_verb_opens_no_item(recognizer):
    # 聚能港: 能 is no function word after the list's separator; 建设 is a verb there
    found = names(recognizer, "数智中心主任王明、聚能港创新中心总经理黄立出席。")
    assert "聚能港创新中心" in found and "港创新中心" not in found
    found = names(recognizer, "共建产业学院、建设实验实训基地。")
    assert not any(name.startswith("建设") for name in found)


def test_a_count_of_the_bodies_named_before_and_the_occasion_of_a_grant_name_nothing(recognizer):
    text = (
        "青川教育集团与江北县第二中学和江北县第五中学两所学校合作，辐射江北县第三中学。双方以此次授牌为契机深化合作。"
    )
    found = names(recognizer, text)
    assert {"江北县第五中学", "江北县第三中学"} <= set(found)
    assert not any(name.endswith("两所学校") or name.startswith(("辐射", "为")) for name in found), found


def test_a_firms_functions_listed_before_bumen_are_no_bureaus_and_a_technicians_group_is_an_alliance(recognizer):
    found = names(recognizer, "并与各企业的人力资源、技术研发等部门人员交流。人社局、财政局等部门参加。")
    assert "人力资源" not in found and "技术研发" not in found
    assert found.get("人社局") == "GovernmentAgency"  # a bureau's short name lists a bureau
    assert names(recognizer, "青川市技工教育集团成立。").get("青川市技工教育集团") == "IndustryEducationAlliance"


def test_the_kind_of_partner_before_a_companys_name_is_no_part_of_it(recognizer):
    found = names(recognizer, "我校推荐的合作企业远帆智能装备股份有限公司入选。江北合作企业联盟成立。")
    assert "远帆智能装备股份有限公司" in found
    assert "江北合作企业联盟" in found  # an alliance of partners: the words are its name's


def test_a_stop_word_opening_a_word_of_four_characters_is_part_of_the_name(recognizer):
    # 对 opens 对外经贸: no function word here, the school's name starts at 江北
    assert "江北对外经贸职业学院" in names(recognizer, "启动仪式在江北对外经贸职业学院举行。")


def test_a_title_opening_a_platforms_type_word_follows_no_name(extractor):
    # 教授工作站: no professor named 某表示 before it
    found = labels_of(extractor, "张绍文表示教授工作站的建立将发挥学校优势。")
    assert not any(label.endswith("表示") for label in found)


def test_industrial_and_science_parks_are_places_and_a_special_committee_is_one_name(recognizer):
    found = names(recognizer, "10人赶赴江北工业园区，来到青川国家农业科技园区，江北区港澳台侨专委会参加。")
    assert found.get("江北工业园区") == "Place" and found.get("青川国家农业科技园区") == "Place"
    assert "江北区港澳台侨专委会" in found


def test_a_type_word_that_ends_a_word_of_the_clause_after_a_title_names_nothing(recognizer):
    found = names(recognizer, "完成《青川产教融合型城市建设方案》编制。")
    assert found == {"青川产教融合型城市建设方案": "Initiative"}  # 编制: compiling it, no 制 (a system)


def test_the_winners_of_a_competition_name_no_award(recognizer):
    found = names(recognizer, "校长为“青川杯”羽毛球比赛获奖者颁奖。")
    assert found == {"“青川杯”羽毛球比赛": "Competition"}  # 获奖者: the winners, no prize named 奖者颁奖


def test_a_places_overseas_chinese_federation_and_its_affairs_offices_are_bodies(recognizer):
    found = names(recognizer, "江北区侨联、江北区委编办参加，青川省台办副主任周明出席。")
    assert found.get("江北区侨联") == "SocialOrganization"
    assert found.get("江北区委编办") == "GovernmentAgency" and found.get("青川省台办") == "GovernmentAgency"


def test_a_name_before_speaking_ends_before_zuo(extractor):
    found = labels_of(extractor, "常务副理事长马远做表态发言。副校长张明做报告。院长王建国作工作报告。")
    assert {"马远", "张明", "王建国"} <= set(found) and not {"马远做", "张明做"} & set(found)


def test_a_places_numbered_school_by_its_short_name(extractor):
    text = (
        "此次由江北一高牵头成立教育集团。渝北一小校长和星海中心幼儿园园长出席。"
        "二期实现巴南职高整体搬迁，推进中高职高效衔接。"
    )
    found = {e.label: e.cls for e in run(extractor, text).entities}
    assert found.get("江北一高") == "SecondarySchool"
    assert found.get("渝北一小") == "PrimarySchool" and "北一小" not in found
    assert found.get("巴南职高") == "SecondaryVocationalSchool"
    assert not any(label.endswith("职高") and label != "巴南职高" for label in found)  # 中高职: a level of schools


def test_now_before_a_places_body_is_no_part_of_its_name(extractor):
    found = labels_of(extractor, "王帆，现青川星海大数据产业发展有限公司工程师。李华，现江北区第六幼儿园教师。")
    assert {"青川星海大数据产业发展有限公司", "江北区第六幼儿园"} <= found
    assert not any(label.startswith("现") for label in found)
    assert "青川现代职业学院" in labels_of(extractor, "王五，现青川现代职业学院教师。")  # (现代: no place)


def test_a_verb_before_a_bare_type_word_and_shizhuan_inside_zhuanye_name_nothing(extractor):
    text = (
        "学校推动产教协同创新、赋能教师专业发展等各环节。青川开发区党工委委员刘青一行来学校签约洽谈。"
        "青川师专与星海公司签约。"
    )
    found = labels_of(extractor, text)
    assert "青川师专" in found and not {"赋能教师专", "来学校"} & found


def test_a_verbs_particle_and_a_verb_of_raising_end_the_name_after_them(extractor):
    text = "此行也参观和调研了江西星海汽车有限公司，该公司以汽车为主。江北中学将带动渝南中学快速发展。"
    found = labels_of(extractor, text)
    assert {"江西星海汽车有限公司", "江北中学", "渝南中学"} <= found
    assert not any(label.startswith(("调研", "带动")) for label in found)


def test_a_company_calls_itself_wo_gongsi_in_its_own_news(extractor):
    title = "青川远帆再生资源有限责任公司与江北学院签约"
    text = f"{title}\n近日，江北学院与我公司举行校企合作签约仪式。"
    found = {e.label for e in extractor.extract(Article(id="t", title=title, text=text)).entities}
    assert "我公司" not in found and {"青川远帆再生资源有限责任公司", "江北学院"} <= found
    # a headline that states no fact: the cooperation is read from 我公司 in the text
    title = "青川远帆再生资源有限责任公司校企合作再添新成果"
    found = relations(extractor.extract(Article(id="t", title=title, text=f"{title}\n{text.split(chr(10))[1]}")))
    assert ("江北学院", "integratesWith", "青川远帆再生资源有限责任公司") in found


def test_a_schools_unit_named_after_two_fields_keeps_the_schools_name(extractor):
    text = "江北大学精密仪器与光电子工程学院与远帆集团签约。渝南职业技术学院新能源与网联汽车产业学院揭牌。"
    found = labels_of(extractor, text)
    assert {"江北大学精密仪器与光电子工程学院", "渝南职业技术学院新能源与网联汽车产业学院"} <= found
    assert not {"光电子工程学院", "网联汽车产业学院"} & found
    found = labels_of(extractor, "江北学院相关职能部门及二级学院负责人、渝南学院副院长和青川学院院长张三出席。")
    assert not any("部门" in label or "副院长" in label for label in found)  # offices, a title: no fields


def test_a_body_named_after_a_listed_person_is_no_second_person(recognizer):
    text = "远帆技术有限公司校企合作经理史某波、远帆开发者联盟负责人童某力一行到访江北职业技术学院。"
    found = names(recognizer, text)
    assert found.get("史某波") == "Person" and found.get("童某力") == "Person"
    assert "远帆" not in found  # the brand that opens the alliance's name, not a name after 、
    found = names(recognizer, "副总经理凡某才、田某广、江北职业技术学院副院长杨某出席。")
    assert {"凡某才", "田某广", "杨某"} <= {name for name, cls in found.items() if cls == "Person"}


def test_a_verb_of_handing_over_or_completing_ends_the_name_before_it(extractor):
    text = "活动现场，江北区政府现场交付渝南中学青川学校筹办资金200万元。为高质量完成青川市人民政府委托的项目。"
    found = labels_of(extractor, text)
    assert {"渝南中学青川学校", "青川市人民政府"} <= found
    assert not any("交付" in label or "完成" in label for label in found)


def test_a_technologys_digits_and_letters_inside_a_bodys_name(extractor):
    found = labels_of(extractor, "江北学院与远帆3D打印技术有限公司、星海5G科技有限公司签约。")
    assert {"远帆3D打印技术有限公司", "星海5G科技有限公司"} <= found


def test_a_school_named_by_its_number_after_another_shares_its_place(extractor):
    found = labels_of(extractor, "江北新城第二学校、第三小学将委托渝南中学管理。")
    assert {"江北新城第二学校", "江北新城第三小学"} <= found and "第三小学" not in found


def test_a_base_that_trains_or_sends_staff_is_named_and_a_bare_kind_is_not(extractor):
    text = "江北职业技术学院参加青川大学后勤员工培养输送基地签约仪式。星海公司与江北学院共建星海人才培养基地。"
    found = labels_of(extractor, text)
    assert {"青川大学后勤员工培养输送基地", "星海人才培养基地"} <= found
    found = labels_of(extractor, "双方共建人才培养基地，建设世界一流大学和高水平地方综合性大学。")
    assert not {"人才培养基地", "世界一流大学", "高水平地方综合性大学"} & found


def test_a_vocational_training_school_is_named_and_is_adult_education(recognizer):
    text = "江北技师学院与渝南市创扶职业技能培训学校、渝南市源点服装职业培训学校等15家职业技能培训学校签约。"
    found = names(recognizer, text)
    assert found.get("渝南市创扶职业技能培训学校") == "ContinuingEducationInstitution"
    assert found.get("渝南市源点服装职业培训学校") == "ContinuingEducationInstitution"


def test_hotels_are_companies_and_a_hotel_schools_trade_is_no_hotel(extractor):
    text = "星海宾馆、远帆大酒店、青川国际酒店等共计30多家企业、江北学院和协会的代表加入联盟。"
    assert {"星海宾馆", "远帆大酒店", "青川国际酒店"} <= labels_of(extractor, text)
    found = labels_of(extractor, "江北酒店管理职业技术学院、渝南酒店教育联盟与某某集团所属酒店签约。")
    assert "江北酒店管理职业技术学院" in found
    assert not {"江北酒店", "渝南酒店", "集团所属酒店", "所属酒店"} & found
    found = labels_of(extractor, "打造全省一流初中。原有中小学幼儿园均已改造。")
    assert "原有中小学幼儿园" not in found


def test_an_experimental_school_named_by_a_common_word_in_a_groups_list(extractor):
    text = "4.江北教育集团：育才实验学校、育才实验学校星海分校、江北小学"
    found = relations(run(extractor, text))
    for school in ("育才实验学校", "育才实验学校星海分校", "江北小学"):
        assert (school, "memberOf", "江北教育集团") in found


def test_affiliated_schools_listed_after_the_first_share_its_university(extractor):
    text = "青川大学附属青禾中学、附属星河小学、附属晨光幼儿园教育集团、附属明德幼儿园正式挂牌。渝南大学实验学校成立。"
    found = relations(run(extractor, text + "青川大学、渝南大学与江北区合作。"))
    for school in ("青川大学附属星河小学", "青川大学附属明德幼儿园"):
        assert (school, "partOf", "青川大学") in found
    assert ("渝南大学实验学校", "partOf", "渝南大学") in found  # (a university of a two-character place)


def test_a_titled_person_before_xiang_ends_no_name(extractor):
    found = labels_of(extractor, "学校党委书记黄某光向县教育局、农业农村局授牌。")
    assert not any(label.startswith(("学校", "党委")) for label in found)
    assert {"黄某光", "县教育局"} <= found


def test_a_firm_listed_before_a_spaced_count_of_enterprises_and_institutions(extractor):
    text = "江北学院与星海太阳能科技有限公司、渝南第一机械制造厂等 10 余家企事业单位携手共建联盟。"
    assert "渝南第一机械制造厂" in labels_of(extractor, text)


def test_a_secondary_vocational_schools_short_name_and_a_firm_before_a_preposition(extractor):
    text = "渝南中专校与远帆集团签约。渝南中专校长张某出席。汽车电子专业三年制中专招生。"
    found = labels_of(extractor, text)
    assert "渝南中专校" in found and not any("三年制" in label or "与" in label for label in found)
    found = relations(run(extractor, text))
    assert any({s, o} == {"渝南中专校", "远帆集团"} and p == "integratesWith" for s, p, o in found)
    found = labels_of(extractor, "星海农产品有限公司对数字农业产业学院给予支持。")
    assert "数字农业产业学院" in found and not any(label.startswith("星海农产品有限公司对") for label in found)


def test_the_place_that_has_the_listed_firms_is_no_part_of_the_first(extractor):
    text = "联盟企业25家，其中江北有星海汽车等6家企业，省有远帆汽车等4家企业，渝南有青川汽车、明达汽车等12家企业。"
    found = labels_of(extractor, text)
    assert {"星海汽车", "远帆汽车", "青川汽车", "明达汽车"} <= found
    assert not any("有" in label for label in found)


def test_being_the_first_of_its_kind_and_the_verbs_that_govern_a_name_are_no_part_of_it(extractor):
    text = "江北学院成立全国首家星海学院。青川纺织行业协会进驻远帆职业技术学院。学院被列入省级重点建设项目。"
    found = labels_of(extractor, text)
    assert {"江北学院", "星海学院", "青川纺织行业协会", "远帆职业技术学院"} <= found
    assert not any(word in label for label in found for word in ("首家", "进驻", "列入"))


def test_a_persons_form_of_address_and_a_second_post_end_a_bodys_name(extractor):
    text = "县政府党组成员马某东同志和县教育局党组书记李某明同志带领校长们参加。"
    found = relations(run(extractor, text))
    assert ("李某明", "worksAt", "县教育局") in found
    text = "邀请青川省数字经济产业协会副会长兼星海数科集团董事长张三、远帆智能科技有限公司董事长李四参加。"
    found = labels_of(extractor, text)
    assert {"青川省数字经济产业协会", "星海数科集团", "远帆智能科技有限公司"} <= found
    assert ("张三", "worksAt", "星海数科集团") in relations(run(extractor, text))


def test_an_adverb_a_preposition_or_a_verb_before_a_name_is_no_part_of_it(extractor):
    text = (
        "他指出，一直以来星海集团始终支持教育。项目尽快按计划开工。双方将增强渝南职中办学能力。"
        "江北区按下职业教育活动周启动键。"
    )
    found = labels_of(extractor, text)
    assert {"星海集团", "渝南职中"} <= found
    assert not any(label.startswith(("一直", "按", "下", "增强")) for label in found)


def test_rarer_surnames_of_officials(extractor):
    found = relations(run(extractor, "青川职业技术学院党委书记蹇某向渝南中学授牌，副院长采某某出席。"))
    assert {("蹇某", "worksAt", "青川职业技术学院"), ("采某某", "worksAt", "青川职业技术学院")} <= found


def test_a_given_name_ending_in_wei_before_a_delegation_or_a_statement(extractor):
    text = "星海研究院副院长王大为一行参加签约。星海研究院副院长王大为表示，将深化合作。校长张某为一行人介绍情况。"
    found = labels_of(extractor, text)
    assert {"王大为", "张某"} <= found and "王大" not in found and "张某为" not in found
    assert ("王大为", "worksAt", "星海研究院") in relations(run(extractor, text))


def test_the_party_committee_of_a_body_with_a_bracketed_second_name_is_the_bodys(extractor):
    text = "青川工业大学（星海省科学院）党委书记王某某出席签约仪式。"
    assert ("王某某", "worksAt", "青川工业大学") in relations(run(extractor, text))
    assert not any(label.endswith("党委") for label in labels_of(extractor, text))


def test_the_office_of_a_leading_group_a_headquarters_or_a_joint_conference_is_a_body(extractor):
    text = (
        "青川市“两山转化”推进领导小组办公室主任胡某某出席。星海市青少年校外教育工作联席会议办公室公布名单。"
        "省“青川工程”指挥部办公室副主任李某出席。"
    )
    found = labels_of(extractor, text)
    assert {"青川市“两山转化”推进领导小组办公室", "星海市青少年校外教育工作联席会议办公室"} <= found
    assert "省“青川工程”指挥部办公室" in found
    assert ("胡某某", "worksAt", "青川市“两山转化”推进领导小组办公室") in relations(run(extractor, text))


def test_an_adverbial_word_after_a_two_character_name_ends_it(extractor):
    text = "青川区教育局局长李萍简要介绍了区情。星海学院院长吴斌详细介绍了中心情况。副校长曹太平等出席。"
    found = labels_of(extractor, text)
    assert {"李萍", "吴斌", "曹太平"} <= found and "李萍简" not in found
    assert ("李萍", "worksAt", "青川区教育局") in relations(run(extractor, text))


def test_a_ministrys_department_before_a_name_and_its_title_is_no_part_of_the_name(extractor):
    text = "“2015年度教育部·星海股份校企合作项目年会”在青川市举行，教育部职成司刘某处长出席会议并讲话。"
    found = labels_of(extractor, text)
    assert "刘某" in found and "司刘某" not in found
    assert ("刘某", "worksAt", "教育部") in relations(run(extractor, text))


def test_the_company_of_a_clause_that_opens_with_a_preposition_of_company(extractor):
    text = "校长罗某某一行赴星海食品有限公司调研，并同公司总经理王某鹏、生产总监徐某某等高层领导磋商校企合作事宜。"
    facts = relations(run(extractor, text))
    assert {("王某鹏", "worksAt", "星海食品有限公司"), ("徐某某", "worksAt", "星海食品有限公司")} <= facts
    # 远和|集团: the last character of a name, no preposition; no group of the text the company named before is
    text = "副校长张某率团，远帆演出有限公司负责人一同前往远和集团考察。远和集团董事长张三陪同考察。"
    assert ("张三", "worksAt", "远帆演出有限公司") not in relations(run(extractor, text))


def test_gongcheng_inside_a_longer_word_ends_no_program(extractor):
    """工程机械, 工程训练, 工程设计, 工程学校: 工程 goes on into a word of a body or a trade; no program ends."""
    text = (
        "学校与星海工程机械股份有限公司共建青川省工程机械智能装备创新创业共同体。青川工业应用技术学院工程训练与"
        "创新中心主任李某某出席。双方在土建工程设计方面展开合作。青川启动人才强市工程建设。"
    )
    found = labels_of(extractor, text)
    assert not {"青川省工程", "青川工业应用技术学院工程", "土建工程"} & found
    assert "人才强市工程" in found  # (建设 after it: the program is built)


def test_a_post_filled_by_someone_of_a_body_ends_before_you(extractor):
    """副主任由某某中心主任兼任: the post, then 由 and the body of who fills it (任由 reads as one word)."""
    text = "中心主任由青川开放大学副校长兼任，副主任由区终身教育服务中心主任兼任。"
    found = labels_of(extractor, text)
    assert "青川开放大学" in found
    assert not any("由" in name for name in found)


def test_a_place_written_twice_before_a_name_is_one_place(extractor):
    """青川省青川省技师学院: the province written twice, a slip of the text; the body named before, one entity."""
    found = labels_of(extractor, "青川省技师学院与星海集团签约。此次星海集团与青川省青川省技师学院进行校企合作。")
    assert "青川省技师学院" in found and not any(name.startswith("青川省青川省") for name in found)


def test_a_listed_brand_may_open_with_a_character_the_left_edge_stops_at(extractor):
    """、应帆集团: the item right after the list mark opens with 应 (no function word: 、经某局批准, 、在某公司)."""
    found = labels_of(extractor, "青川国防科技职业学院、县经济开发区、应帆集团作为牵头单位进行签约。")
    assert "应帆集团" in found and "帆集团" not in found
    found = labels_of(extractor, "项目已立项、经青川市教育局批准，学生在学校、在星海科技公司实习。")
    assert "青川市教育局" in found and "星海科技公司" in found
    assert not any(name.startswith(("经", "在")) for name in found)
