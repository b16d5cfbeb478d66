"""Relations of structure: designations held (designatedAs), units inside a parent (partOf), members of a
group (memberOf), and the classes of the names they link.

Every sentence here is written for these tests (the schools, groups and companies are made up).
"""

from __future__ import annotations

import pytest

from kg.extract.confidence import everything
from kg.extract.gazetteer import Gazetteer
from kg.extract.pipeline import Extractor
from kg.sources.documents import Article


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(Gazetteer(), confidence=everything())  # the rules' own names (the model's: test_confidence)


def run(extractor: Extractor, text: str) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    extraction = extractor.extract(Article(id="t", title="", text=text, district="江北区", city="重庆市"))
    classes = {e.label: e.cls for e in extraction.entities}
    return classes, {(r.subject.label, r.predicate, r.object.label) for r in extraction.relations}


# -- designatedAs ---------------------------------------------------------------------------------------


def test_designated_by_confirmation_verbs(extractor):
    classes, found = run(extractor, "青石职业教育集团被确定为省级骨干职教集团。")
    assert classes["省级骨干职教集团"] == "Designation"  # a rank and a kind: no body of its own
    assert ("青石职业教育集团", "designatedAs", "省级骨干职教集团") in found


def test_long_list_of_titles_each_held(extractor):
    text = (
        "近年来，青石职业技术学院先后获评全国首批工匠学院培育点、重庆市职业技能培训示范基地、"
        "重庆市“青峰卓越”专业群建设单位、重庆市毕业生就业创业工作先进集体。"
    )
    classes, found = run(extractor, text)
    assert classes["重庆市毕业生就业创业工作先进集体"] == "HonoraryTitle"
    for title in (
        "全国首批工匠学院培育点",
        "重庆市职业技能培训示范基地",
        "重庆市“青峰卓越”专业群建设单位",
        "重庆市毕业生就业创业工作先进集体",
    ):
        assert ("青石职业技术学院", "designatedAs", title) in found


def test_respective_ranks_pair_in_order(extractor):
    text = "青石职业技术学院的王林数控技能大师工作室、赵平技能大师工作室分别获批为国家级、市级大师工作室。"
    classes, found = run(extractor, text)
    assert classes["国家级大师工作室"] == "Designation" and classes["市级大师工作室"] == "Designation"
    assert ("王林数控技能大师工作室", "designatedAs", "国家级大师工作室") in found
    assert ("赵平技能大师工作室", "designatedAs", "市级大师工作室") in found
    assert ("王林数控技能大师工作室", "designatedAs", "市级大师工作室") not in found  # 分别: one each
    # the studios a school has are its units
    assert ("王林数控技能大师工作室", "partOf", "青石职业技术学院") in found


def test_roll_after_a_batch_holds_it(extractor):
    classes, found = run(extractor, "首批职业院校联盟为江北区、渝北区以及两江新区职业院校联盟。")
    assert classes["首批职业院校联盟"] == "Designation"
    for holder in ("江北区职业院校联盟", "渝北区职业院校联盟", "两江新区职业院校联盟"):
        assert (holder, "designatedAs", "首批职业院校联盟") in found


def test_a_roll_of_bases_names_each_line_whole(extractor):
    """A list of bases under its heading: each line is one base, with or without a type word, and the
    district in the note after it is where the base is."""
    text = (
        "重庆市第三批中小学生研学实践教育基地名录\n1.江北区青松美术馆\n2.云雾山茶叶文创园\n"
        "青川省第一批劳动教育实践基地（江北区）\n白沙生态农庄（渝北区石坪村）\n红叶果园劳动教育实践基地（江北区江北大道8号）\n"
        "这些基地将为学生提供实践服务。"
    )
    classes, found = run(extractor, text)
    assert classes["云雾山茶叶文创园"] == classes["白沙生态农庄"] == "PracticeBase"
    assert {
        ("江北区青松美术馆", "designatedAs", "重庆市第三批中小学生研学实践教育基地"),
        ("云雾山茶叶文创园", "designatedAs", "重庆市第三批中小学生研学实践教育基地"),
        ("白沙生态农庄", "designatedAs", "青川省第一批劳动教育实践基地"),
        ("白沙生态农庄", "locatedIn", "渝北区"),
        ("红叶果园劳动教育实践基地", "designatedAs", "青川省第一批劳动教育实践基地"),
    } <= found
    assert "这些基地将为学生提供实践服务" not in classes


def test_a_schools_heading_over_a_byline_is_no_roll(extractor):
    classes, _ = run(extractor, "江北区星光小学\n记者 张三\n通讯员 李四\n江北区星光小学开展读书活动。")
    assert not any(" " in label for label in classes)


def test_rank_set_before_a_name(extractor):
    classes, found = run(extractor, "青石职业教育集团以国家示范骨干高职院校——青石职业技术学院为龙头组建。")
    assert classes["国家示范骨干高职院校"] == "Designation"
    assert ("青石职业技术学院", "designatedAs", "国家示范骨干高职院校") in found
    assert ("青石职业技术学院", "leads", "青石职业教育集团") in found  # the apposition hides no leader


def test_list_heading_names_the_designation_of_its_items(extractor):
    text = (
        "名单如下\n一、偏远农村学校(园)(认定在乡村工作满20年的学校，被支教的学校)\n1.重庆市青石初级中学\n"
        "2.重庆市白岩初级中学\n二、城区学校(园)(认定为受援的学校)\n1.重庆市青石幼儿园\n三、工作要求\n"
        "1.各校要高度重视。"
    )
    classes, found = run(extractor, text)
    remote = next(label for label in classes if label.startswith("偏远农村学校"))
    near = next(label for label in classes if label.startswith("城区学校"))
    assert ("重庆市青石初级中学", "designatedAs", remote) in found
    assert ("重庆市白岩初级中学", "designatedAs", remote) in found
    assert ("重庆市青石幼儿园", "designatedAs", near) in found
    assert not any(label.startswith("工作要求") for label in classes)  # a heading over no bodies


# -- partOf ---------------------------------------------------------------------------------------------


def test_brand_branch_and_ministry_department_are_units(extractor):
    _, found = run(extractor, "中国联通贵州分公司、中国石油青川石化分公司与青石职业技术学院签约。")
    assert ("中国联通贵州分公司", "partOf", "中国联通") in found
    assert ("中国石油青川石化分公司", "partOf", "中国石油") in found
    _, found = run(extractor, "教育部基础教育司司长王林出席。")
    assert ("教育部基础教育司", "partOf", "教育部") in found
    # a place at the head of a company's name is its seat, not a parent
    _, found = run(extractor, "重庆青石路桥工程有限公司与青石职业技术学院签约。")
    assert not any(f[1] == "partOf" for f in found)


def test_a_unit_named_after_a_school_the_text_writes_in_short_is_that_schools(extractor):
    # the base's name writes the school in full, the text in short (职教中心): one school, which owns the base
    classes, found = run(
        extractor,
        "“渝南县职业教育中心产教融合实训基地”挂牌仪式在渝南县星海薯业有限公司举行。"
        "渝南县职教中心党委书记王林介绍了学校办学情况。",
    )
    assert ("渝南县职业教育中心产教融合实训基地", "partOf", "渝南县职教中心") in found
    assert "渝南县职业教育中心" not in classes
    assert ("王林", "worksAt", "渝南县职教中心") in found


def test_units_named_after_a_company_or_school_the_text_shortens_belong_to_it(extractor):
    # 远帆公司 (the brand), 深圳远帆公司 (its place and brand), 星辰学院 (the school without its place): the text's
    # 深圳市远帆科技股份有限公司 and 泉州星辰学院; a department's head works at the company, and what the department
    # does (signs with the school) the company does
    text = (
        "泉州星辰学院近日与深圳市远帆科技股份有限公司达成校企合作协议。"
        "我校吴立新董事长与远帆公司行政人事管理中心牟立总经理先后在会上致辞，并签署校企合作协议。"
        "双方互赠了“星辰学院学生实习基地”与“深圳远帆公司员工培训基地”牌匾。"
    )
    classes, found = run(extractor, text)
    assert {
        ("星辰学院学生实习基地", "partOf", "泉州星辰学院"),
        ("深圳远帆公司员工培训基地", "partOf", "深圳市远帆科技股份有限公司"),
        ("牟立", "worksAt", "深圳市远帆科技股份有限公司"),
        ("吴立新", "worksAt", "泉州星辰学院"),
    } <= found
    assert ("深圳远帆公司员工培训基地", "namedAfter", "深圳市远帆科技股份有限公司") not in found  # a unit, no namesake
    assert ("泉州星辰学院", "integratesWith", "深圳市远帆科技股份有限公司") in found
    assert not {"星辰学院", "深圳远帆公司", "远帆公司"} & set(classes)
    assert not any("董事长与" in label for label in classes)  # 和 / 与 after a titled person joins two parties


def test_a_company_and_its_brand_alone_are_one_company(extractor):
    text = "江北职业学院到星海科技公司考察。学院对星海科技近年来的成绩表示赞赏，将与星海科技开展深度合作。"
    classes, found = run(extractor, text)
    assert "星海科技公司" in classes and "星海科技" not in classes
    assert not any(p == "partOf" for _, p, _ in found)


def test_this_industry_college_is_the_industry_college_in_a_schools_news(extractor):
    # 该产业学院 names the industry college, though the school of the text is its publisher (学院…)
    text = (
        "1月12日，青川果蔬现代产业学院挂牌仪式在青川果蔬文化馆举行。该产业学院由青海果酒与治沙职业技术学院、"
        "青川果蔬产业发展中心、青川果蔬协会联合组建。学院相关负责人表示，将全力推进产业学院建设。"
    )
    classes, found = run(extractor, text)
    assert "青海果酒与治沙职业技术学院" in classes  # a region's field and another: one school's name
    builders = {s for s, p, o in found if p == "builds" and o == "青川果蔬现代产业学院"}
    assert builders == {"青海果酒与治沙职业技术学院", "青川果蔬产业发展中心", "青川果蔬协会"}


def test_a_member_school_and_its_other_name_in_brackets(extractor):
    # “校企合作”盟校 says what the school is to the text's company; its other name in brackets is the same school
    text = "近日，星海公司组织企业赴“校企合作”盟校青川技师学院(青川工贸职院)，参加该院“第一届产教融合发展大会”。"
    classes, found = run(extractor, text)
    assert "青川技师学院" in classes and "青川工贸职院" not in classes
    assert not any("盟校" in label for label in classes)
    assert ("青川技师学院", "hosts", "第一届产教融合发展大会") in found


def test_faculties(extractor):
    classes, found = run(extractor, "青石大学化学化工学院与重庆白岩电子有限公司签约。")
    assert classes["青石大学化学化工学院"] == "EducationalOrganization"
    assert ("青石大学化学化工学院", "partOf", "青石大学") in found


def test_institutes_and_hospitals_are_organizations(extractor):
    classes, _ = run(extractor, "江北区妇幼保健院、重庆市农业科学研究院与青石职业技术学院签约。")
    assert classes["江北区妇幼保健院"] == "Organization"
    assert classes["重庆市农业科学研究院"] == "Organization"


# -- memberOf -------------------------------------------------------------------------------------------


def test_members_listed_after_a_colon(extractor):
    text = "青石智能制造产教融合联盟成员单位有：重庆白岩电子有限公司、青石职业技术学院、江北区教委。"
    classes, found = run(extractor, text)
    assert "单位有" not in classes  # 成员 is the role of a body here, no person follows
    for member in ("重庆白岩电子有限公司", "青石职业技术学院", "江北区教委"):
        assert (member, "memberOf", "青石智能制造产教融合联盟") in found


def test_vice_chair_units_counted_and_kinds_listed(extractor):
    text = (
        "会议宣读了青石职业教育集团副理事长单位名单，重庆白岩电子有限公司、青石职业技术学院等12家院校、"
        "企业为副理事长单位。"
    )
    _, found = run(extractor, text)
    assert ("重庆白岩电子有限公司", "memberOf", "青石职业教育集团") in found
    assert ("青石职业技术学院", "memberOf", "青石职业教育集团") in found


def test_field_named_alliance_lists_members(extractor):
    text = "江北卫星导航应用行业产教融合联盟包括重庆白岩电子有限公司、重庆青石职业学校等相关单位。"
    _, found = run(extractor, text)
    assert ("重庆白岩电子有限公司", "memberOf", "江北卫星导航应用行业产教融合联盟") in found
    assert ("重庆青石职业学校", "memberOf", "江北卫星导航应用行业产教融合联盟") in found


def test_school_named_with_its_group(extractor):
    text = (
        "重庆市第一中学教育集团增加2所学校，为重庆市第一中学教育集团重庆市第九中学，"
        "重庆市第一中学教育集团重庆市白岩中学。"
    )
    _, found = run(extractor, text)
    assert ("重庆市第九中学", "memberOf", "重庆市第一中学教育集团") in found
    assert ("重庆市白岩中学", "memberOf", "重庆市第一中学教育集团") in found


def test_bases_inside_the_school_are_its_units(extractor):
    text = "青石职业技术学院将提升白岩饭店、青峰文化创意美食街等16个校内生产性实训基地功能。"
    classes, found = run(extractor, text)
    assert classes["白岩饭店"] == "TrainingBase"  # not 提升白岩饭店: the verb governs the list
    assert ("白岩饭店", "partOf", "青石职业技术学院") in found
    assert ("青峰文化创意美食街", "partOf", "青石职业技术学院") in found


def test_the_school_of_the_text_has_its_studios(extractor):
    _, found = run(extractor, "青石职业学院召开大会。学校的王林技能大师工作室获批为省级大师工作室。")
    assert ("王林技能大师工作室", "designatedAs", "省级大师工作室") in found
    assert ("王林技能大师工作室", "partOf", "青石职业学院") in found


def test_campus_in_brackets_is_a_unit_and_holds_the_listed_designation(extractor):
    text = (
        "名单如下\n一、城区学校(园)(认定为受援的学校)\n1.重庆市青石乡中心学校(含白岩小学)\n"
        "2.重庆市青峰路小学教育集团(碧水校区)\n3.重庆市白岩幼儿园(新月分园)\n"
    )
    classes, found = run(extractor, text)
    near = next(label for label in classes if label.startswith("城区学校"))
    assert classes["碧水校区"] == "PrimarySchool"  # a campus of the group's core primary school
    assert classes["新月分园"] == "Kindergarten"
    assert ("白岩小学", "partOf", "重庆市青石乡中心学校") in found
    assert ("碧水校区", "partOf", "重庆市青峰路小学教育集团") in found
    assert ("新月分园", "partOf", "重庆市白岩幼儿园") in found
    assert ("重庆市青石乡中心学校", "designatedAs", near) in found
    assert ("新月分园", "designatedAs", near) in found  # the campus listed, not its school
    assert ("重庆市白岩幼儿园", "designatedAs", near) not in found


def test_autonomous_region_is_a_place(extractor):
    classes, found = run(extractor, "星海学院位于广西壮族自治区，远帆学院位于四川省。")
    assert classes["广西壮族自治区"] == "Place" and classes["四川省"] == "Place"
    assert ("星海学院", "locatedIn", "广西壮族自治区") in found


def test_units_stated_by_their_verb(extractor):
    _, found = run(extractor, "白岩研究院隶属于青石大学。")
    assert ("白岩研究院", "partOf", "青石大学") in found
    _, found = run(extractor, "重庆白岩电子有限公司是青峰集团旗下的子公司。")
    assert ("重庆白岩电子有限公司", "partOf", "青峰集团") in found
    _, found = run(extractor, "重庆白岩电子有限公司是青峰集团的合作伙伴。")
    assert not any(f[1] == "partOf" for f in found)  # a partner is no unit
    _, found = run(extractor, "青石大学下属的白岩研究院与重庆白岩电子有限公司签约。")
    assert ("白岩研究院", "partOf", "青石大学") in found
    assert ("重庆白岩电子有限公司", "partOf", "青石大学") not in found  # the partner after 与


def test_members_after_their_count(extractor):
    _, found = run(extractor, "青石智能制造产教联合体现有成员单位56家，包括重庆白岩电子有限公司、青石职业技术学院等。")
    assert ("重庆白岩电子有限公司", "memberOf", "青石智能制造产教联合体") in found
    assert ("青石职业技术学院", "memberOf", "青石智能制造产教联合体") in found


def test_bodies_before_wei_hold_a_ranked_title(extractor):
    _, found = run(extractor, "经认定，青石小学、白岩中学为第三批市级示范学校。")
    assert ("青石小学", "designatedAs", "第三批市级示范学校") in found
    assert ("白岩中学", "designatedAs", "第三批市级示范学校") in found
    _, found = run(extractor, "青石小学的目标是建设示范学校。")
    assert not any(f[1] == "designatedAs" for f in found)  # no rank, no batch: an aim, not a title


def test_kind_phrases_are_no_platforms_or_campaigns(extractor):
    classes, _ = run(extractor, "青石商学院、市级创新基地等产教融合平台陆续建成。")
    assert "科教融汇关键平台" not in classes  # after 等: the kind of the items listed
    classes, _ = run(extractor, "本次共征集百余份活动方案。")
    assert not any("百余份" in label for label in classes)
    classes, _ = run(extractor, "青石职业技术学院将继续履行好联合体牵头单位职责。")
    assert "履行好联合体" not in classes


def test_members_rolled_under_their_title(extractor):
    text = (
        "附件：青石智能制造产教联合体成员单位名单\n序号 单位名称 类型\n1 重庆白岩电子有限公司 企业\n"
        "2 青石职业技术学院 院校\n2024年青峰科技有限公司举办开放日。\n"
    )
    _, found = run(extractor, text)
    assert ("重庆白岩电子有限公司", "memberOf", "青石智能制造产教联合体") in found
    assert ("青石职业技术学院", "memberOf", "青石智能制造产教联合体") in found
    assert ("青峰科技有限公司", "memberOf", "青石智能制造产教联合体") not in found  # the roll has ended


def test_teaching_research_offices_are_educational_organizations(extractor):
    classes, _ = run(extractor, "江北区教研室、江北区教研院联合举办活动。")
    assert classes["江北区教研室"] == "EducationalOrganization"
    assert classes["江北区教研院"] == "EducationalOrganization"


def test_designation_roll_in_an_attachment(extractor):
    text = (
        "经评审，青石市龙泉中学等4所学校最终被评为青石市首批中小学书香校园示范校(名单附后)。\n"
        "附件:青石市首批中小学书香校园示范校名单\n青石市龙泉中学 青石市第一中学 白岩县实验小学\n"
        "白岩县第二中学\n市教育局要求各校做好工作。"
    )
    _, found = run(extractor, text)
    title = "青石市首批中小学书香校园示范校"  # without the note (名单附后)
    for school in ("青石市龙泉中学", "青石市第一中学", "白岩县实验小学", "白岩县第二中学"):
        assert (school, "designatedAs", title) in found


def test_member_schools_of_a_group(extractor):
    _, found = run(extractor, "青石实验小学教育集团总校校长王林，集团成员校春光小学校长杨新兴共同为集团成立揭牌。")
    assert ("春光小学", "memberOf", "青石实验小学教育集团") in found
    text = "青石空港实验教育集团成立。该教育集团将青石市第七十二中学、青石市白岩第一中学纳入其中。"
    _, found = run(extractor, text)
    assert ("青石市第七十二中学", "memberOf", "青石空港实验教育集团") in found
    assert ("青石市白岩第一中学", "memberOf", "青石空港实验教育集团") in found


def test_campuses_named_with_their_group(extractor):
    text = "青石市第七中学教育集团辖2所学校，为青石市第七中学教育集团本部、青石市第七中学教育集团白岩分校。"
    classes, found = run(extractor, text)
    assert classes["青石市第七中学教育集团本部"] == "SecondarySchool"  # the group's core school is a 中学
    assert classes["青石市第七中学教育集团白岩分校"] == "SecondarySchool"
    assert ("青石市第七中学教育集团本部", "partOf", "青石市第七中学教育集团") in found
    assert ("青石市第七中学教育集团白岩分校", "partOf", "青石市第七中学教育集团") in found


def test_branch_schools_listed_as_members(extractor):
    text = "据悉，新成立的青石远洋教育集团成员单位有：北京青石学校远洋分校、北京市白岩职业高中、北京市青峰中学。"
    classes, found = run(extractor, text)
    assert "北京青石学校远洋分校" in classes  # 分校 ends the name: not cut at 学校
    for member in ("北京青石学校远洋分校", "北京市白岩职业高中", "北京市青峰中学"):
        assert (member, "memberOf", "青石远洋教育集团") in found


def test_an_adjective_with_hao_opens_a_name(extractor):
    classes, _ = run(extractor, "近日，美好生活实验室揭牌。")
    assert "美好生活实验室" in classes  # 美好 is no verb with its complement


def test_list_named_again_by_its_kind(extractor):
    text = (
        "青石职业技术学院成功入选重庆市第二批市域产教联合体培育名单。近日，市教委发布通知，"
        "由青石职业技术学院牵头申报的“青石智能装备市域产教联合体”成功入选培育名单。"
    )
    _, found = run(extractor, text)
    title = "重庆市第二批市域产教联合体培育"
    assert ("青石职业技术学院", "designatedAs", title) in found
    assert ("青石智能装备市域产教联合体", "designatedAs", title) in found


def test_towns_are_places_and_institutes_organizations(extractor):
    classes, _ = run(extractor, "活动在青石镇举行，光明区教科院、上海市教育考试院参加。")
    assert classes["青石镇"] == "Place"
    assert classes["光明区教科院"] == "Organization" and classes["上海市教育考试院"] == "Organization"
    classes, _ = run(extractor, "江苏镇江路桥工程有限公司与青石职业技术学院签约。")
    assert "江苏镇" not in classes  # 镇 opens 镇江 here


def test_a_group_named_again_without_its_district_is_one_group(extractor):
    text = (
        "3月5日，江北区明远实验教育集团成立大会在重庆渝州职业学院举行。"
        "明远实验教育集团成员单位有：渝南区明远小学、渝南区星光中学。"
    )
    classes, found = run(extractor, text)
    assert "明远实验教育集团" not in classes
    assert ("渝南区明远小学", "memberOf", "江北区明远实验教育集团") in found


def test_a_list_of_majors_after_its_verb(extractor):
    classes, found = run(extractor, "重庆渝州职业学院首批设置数控技术、软件工程技术、现代物流管理等3个职业本科专业。")
    for major in ("数控技术", "软件工程技术", "现代物流管理"):
        assert classes.get(major) == "Course"
        assert ("重庆渝州职业学院", "offers", major) in found
    assert "软件工程" not in classes  # the major, not a program its first words make
    classes, _ = run(extractor, "学校现有机械、电子等10个专业。")
    assert "机械" in classes and "学校现有机械" not in classes
    classes, _ = run(extractor, "中心提供情绪疏导、学业规划等专业支持。")  # no verb of majors: no majors
    assert "情绪疏导" not in classes


def test_a_group_named_again_without_its_zone_is_one_group(extractor):
    classes, _ = run(extractor, "苏州工业园区明远教育集团成立。明远教育集团共有8所学校。")
    assert "苏州工业园区明远教育集团" in classes and "明远教育集团" not in classes


def test_a_faculty_named_by_its_field_alone_is_a_division_of_the_school(extractor):
    text = "重庆渝州职业学院与重庆明远科技有限公司签约。化工学院、信息学院等二级学院负责人出席。"
    classes, found = run(extractor, text)
    read = {m.name: m.cls for m in extractor.recognizer.mentions(text)}
    assert read["信息学院"] == read["化工学院"] == "College"
    assert "信息学院" not in classes  # no fact names the divisions but their place: no nodes of their own
    assert ("重庆渝州职业学院", "integratesWith", "重庆明远科技有限公司") in found
    # a faculty named with its university stays a unit, and so does its short name after it
    classes, found = run(extractor, "江北理工大学园艺学院与重庆绿源科技有限公司签约。园艺学院院长蒋文斌出席。")
    assert ("蒋文斌", "worksAt", "江北理工大学园艺学院") in found


def test_each_schools_division_is_a_node_of_its_own(extractor):
    """Every school has a 智能制造学院: the bare name is the label, the node is named after the school too."""
    nodes = {}
    for school in ("青川职业技术学院", "星海职业技术学院"):
        text = f"{school}副院长陈立出席，青川华泰机械有限公司为智能制造学院揭牌。"  # (a division that is built)
        extraction = extractor.extract(Article(id="t", title="", text=text))
        division = next(e for e in extraction.entities if e.label == "智能制造学院")
        assert school + "智能制造学院" in division.aliases
        nodes[school] = division.iri
    assert nodes["青川职业技术学院"] != nodes["星海职业技术学院"]


def test_a_schools_offices_and_departments_are_its_units_and_their_staff_work_at_the_school(extractor):
    text = (
        "青川职业技术学院副院长陈立带队，教务处处长孙平、机电工程系、汽车工程系主任赵刚等到青川华泰机械有限公司交流。"
        "学院职业培训部主任钱伟介绍了培训情况。"
    )
    read = {m.name: m.cls for m in extractor.recognizer.mentions(text)}
    assert read["教务处"] == read["职业培训部"] == "Organization"
    assert read["机电工程系"] == read["汽车工程系"] == "College"  # a 系 of a list sharing its head's title
    classes, found = run(extractor, text)
    # they visit the company: the school's visit, as its staff's posts are the school's; no nodes of their own
    assert ("青川职业技术学院", "integratesWith", "青川华泰机械有限公司") in found
    assert not {"教务处", "机电工程系", "汽车工程系", "职业培训部"} & set(classes)
    # the head of an office or a department works at the school; the division is where in it
    assert ("孙平", "worksAt", "青川职业技术学院") in found and ("赵刚", "worksAt", "青川职业技术学院") in found
    assert ("孙平", "worksAt", "教务处") not in found
    assert ("钱伟", "worksAt", "青川职业技术学院") in found
    assert ("陈立", "worksAt", "青川职业技术学院") in found
    # 我校: the division is the publisher's; it, not 科研处与…, is what comes before the company
    read = {
        m.name: m.cls
        for m in extractor.recognizer.mentions("青川职业技术学院召开座谈会\n我校科研处与青川华泰机械有限公司座谈。")
    }
    assert read["科研处"] == "Organization" and "青川华泰机械有限公司" in read
    # fields the dictionary lacks (实训, 产教融合): offices all the same
    read = {
        m.name: m.cls
        for m in extractor.recognizer.mentions("青川职业学校实训处李法副处长、产教融合与招生就业处王林处长出席。")
    }
    assert read["实训处"] == read["产教融合与招生就业处"] == "Organization"
    # a list of departments closed by 等部门: each a division, with no title after it
    read = {
        m.name: m.cls
        for m in extractor.recognizer.mentions(
            "学院继续教育中心、材料与化学工程系等部门的老师赴青川明远科技有限公司考察。"
        )
    }
    assert read["材料与化学工程系"] == "College"
    # no school's division: a head with no title after it and no school before it; a bureau's own office is named
    # with the bureau, where in it its head works
    read = {
        m.name: m.cls for m in extractor.recognizer.mentions("此处体系全部完善。江北区教育委员会职成教处处长刘军出席。")
    }
    assert not any(name.endswith(("处", "系", "部")) and name != "江北区教育委员会职成教处" for name in read)
    assert read["江北区教育委员会职成教处"] == "GovernmentAgency"
    classes, found = run(extractor, "此处体系全部完善。江北区教育委员会职成教处处长刘军出席。")
    assert ("刘军", "worksAt", "江北区教育委员会") in found


def test_a_division_named_after_the_schools_short_name_or_before_its_heads_name(extractor):
    text = "青川生物工程职业技术学院举行签约仪式\n青生院园艺工程系与青川宏博农业有限公司签约。教务处赵振处长出席。"
    read = {m.name: m.cls for m in extractor.recognizer.mentions(text)}
    assert read["园艺工程系"] == "College" and read["教务处"] == "Organization"
    _, found = run(extractor, text)
    assert ("青川生物工程职业技术学院", "integratesWith", "青川宏博农业有限公司") in found  # 青生院: the school


def test_a_body_named_again_without_its_citys_short_name_is_one_body(extractor):
    classes, found = run(extractor, "青川水务集团与青川职业学校签约。水务集团副总经理王明出席。")
    assert "水务集团" not in classes and ("王明", "worksAt", "青川水务集团") in found


def test_a_group_named_by_its_brand_without_its_province_and_a_schools_heads_named_before_their_titles(extractor):
    text = "青川工程职业大学与山西恒通集团签约。恒通集团总经理杨林出席。陕西宏远集团股份有限公司与学校合作。"
    text += "宏远集团董事长向阳出席。"
    classes, found = run(extractor, text)
    assert "恒通集团" not in classes and ("杨林", "worksAt", "山西恒通集团") in found  # 山西: a province's short name
    assert "宏远集团" not in classes and ("向阳", "worksAt", "陕西宏远集团股份有限公司") in found
    _, found = run(extractor, "青川职业学院与青川华泰机械有限公司签约。学校蒋文院长、秦明副院长出席仪式。")
    assert ("蒋文", "worksAt", "青川职业学院") in found and ("秦明", "worksAt", "青川职业学院") in found


def test_what_is_set_up_at_a_place_is_there(extractor):
    _, found = run(extractor, "重庆远山大学与江北区签约，在江北区共建智能制造产业学院、工业互联网实训基地。")
    assert {
        ("智能制造产业学院", "locatedIn", "江北区"),
        ("工业互联网实训基地", "locatedIn", "江北区"),
    } <= found


def test_the_campuses_a_group_has_after_de_are_its_members(extractor):
    text = "区领导来到江北八中教育集团的城北分校、江北八中长塘中学分校，江北明德实验学校教育集团的文成分校。"
    classes, found = run(extractor, text)
    assert {"城北分校", "文成分校"} <= set(classes)  # a campus of the group's, though named by common words
    assert "江北明德实验学校教育集团的文成分校" not in classes  # 的 ends a name
    for campus in ("城北分校", "江北八中长塘中学分校"):
        assert (campus, "memberOf", "江北八中教育集团") in found  # (the guide of round 36: a group's member schools)
    assert ("文成分校", "memberOf", "江北明德实验学校教育集团") in found
    assert not any(p == "partOf" for _, p, _ in found)


def test_a_group_named_after_a_school_the_text_names_on_its_own_is_led_by_it(extractor):
    text = (
        "江北区以江北八中、青石小学为核心校组建教育集团。"
        "区领导来到江北八中教育集团、青石小学教育集团和青川中学教育集团。"
    )
    _, found = run(extractor, text)
    assert ("江北八中", "leads", "江北八中教育集团") in found and ("青石小学", "leads", "青石小学教育集团") in found
    assert not any(o == "青川中学教育集团" and p == "leads" for _, p, o in found)  # its school named by it alone


def test_a_schools_group_named_with_the_word_in_brackets_is_led_by_it(extractor):
    classes, found = run(extractor, "江北区公明中学（集团）今日揭牌，首批成员校共5所。")
    assert classes.get("江北区公明中学（集团）") == "CollaborativeEducationAlliance"
    assert ("江北区公明中学", "leads", "江北区公明中学（集团）") in found
    assert ("江北区公明中学（集团）", "partOf", "江北区公明中学") not in found
