"""Every string the website shows, in Chinese (first) and English, in one table; and the choice of language.

Names of classes and relations are not here: they come from the ontology's
``rdfs:label`` @zh / @en (:func:`term_label`).

>>> text("search", "zh"), text("search", "en")
('搜索', 'Search')
>>> choose_language(None, "en-GB,en;q=0.9"), choose_language(None, "fr, zh-CN;q=0.5"), choose_language("en", "zh")
('en', 'zh', 'en')
"""

from __future__ import annotations

from rdflib import URIRef

from kg.model.terms import label
from kg.store.formats import ranked

LANGUAGES = ("zh", "en")
HTML_LANG = {"zh": "zh-CN", "en": "en"}

STRINGS: dict[str, tuple[str, str]] = {
    "site": ("城教共生知识图谱", "City–education knowledge graph"),
    "home": ("首页", "Home"),
    "search": ("搜索", "Search"),
    "search_placeholder": ("名称、别名、拼音或原文…", "Name, alias, pinyin or text…"),
    "search_label": ("搜索图谱", "Search the graph"),
    "editor": ("SPARQL 查询", "SPARQL queries"),
    "ontology": ("本体", "Ontology"),
    "add": ("添加新闻稿", "Add a press release"),
    "language": ("语言", "Language"),
    "switch_to": ("English", "中文"),
    "main_nav": ("主导航", "Main navigation"),
    "skip": ("跳到正文", "Skip to content"),
    "districts": ("区县", "Districts"),
    "classes": ("类别", "Classes"),
    "recent_documents": ("最近的文档", "Recent documents"),
    "documents": ("文档", "Documents"),
    "entities": ("实体", "Entities"),
    "relations": ("关系", "Relations"),
    "count": ("数量", "Count"),
    "name": ("名称", "Name"),
    "aliases": ("别名", "Aliases"),
    "class": ("类别", "Class"),
    "district": ("区县", "District"),
    "city": ("城市", "City"),
    "identifiers": ("标识符", "Identifiers"),
    "iri": ("IRI", "IRI"),
    "same_as": ("同一实体", "Same as"),
    "division_code": ("行政区划代码", "Division code"),
    "note": ("备注", "Note"),
    "evidence": ("证据", "Evidence"),
    "in_document": ("见原文", "in the text"),
    "source": ("来源", "Source"),
    "year": ("年份", "Year"),
    "indicators": ("指标", "Indicators"),
    "measure": ("度量", "Measure"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "rank": ("在同类中的排名", "Rank within its class"),
    "rank_note": (
        "按度数、PageRank 和中介中心性，在同一大类（{group}，共 {n} 个）中的名次。",
        "By degree, PageRank and betweenness among the {n} entities of its group ({group}).",
    ),
    "rank_pending": ("图谱分析正在计算，请稍后刷新。", "The graph analysis is being computed; reload in a moment."),
    "degree": ("度数", "Degree"),
    "pagerank": ("PageRank", "PageRank"),
    "betweenness": ("中介中心性", "Betweenness"),
    "ego_graph": ("关系网络", "Neighbourhood graph"),
    "ego_graph_title": ("{name} 的一度关系网络", "{name} and its direct relations"),
    "open_graph": ("在新页面打开图", "Open the graph on its own page"),
    "connected_to": ("与……如何关联", "How is this connected to…"),
    "connect_to_label": ("另一个实体的名称", "Name of another entity"),
    "find_path": ("查找路径", "Find paths"),
    "path_title": ("{a} 与 {b} 如何关联", "How {a} and {b} are connected"),
    "path_n": ("路径 {n}（{hops} 步）", "Path {n} ({hops} hops)"),
    "same_entity": ("同一个实体。", "The same entity."),
    "no_path": ("没有关系链连接这两个实体。", "No chain of relations connects them."),
    "unknown_entity": ("没有名为“{name}”的实体。", "No entity named “{name}”."),
    "did_you_mean": ("您是不是要找：", "Did you mean:"),
    "timeline": ("时间线", "Timeline"),
    "timeline_note": (
        "按年份统计的关系与获奖（文本给出年份者）。",
        "Relations and awards by year (where the text gives one).",
    ),
    "no_years": ("文本中没有给出年份。", "The texts give no years."),
    "awards": ("获奖与认定", "Awards and designations"),
    "outgoing": ("→", "→"),
    "none": ("（无）", "(none)"),
    "document": ("文档", "Document"),
    "title": ("标题", "Title"),
    "subtitle": ("副标题", "Subtitle"),
    "authors": ("作者", "Authors"),
    "method": ("来源方式", "Method"),
    "method_curated": ("人工整理", "curated"),
    "method_extracted": ("自动抽取", "extracted"),
    "text": ("正文", "Text"),
    "legend_mention": ("实体提及", "entity mention"),
    "legend_evidence": ("关系证据句", "evidence sentence"),
    "legend": ("图例：", "Legend:"),
    "taken_from": ("从本文抽取的关系", "Relations taken from this text"),
    "mentioned": ("本文提及的实体", "Entities this text mentions"),
    "reingest": ("重新抽取", "Re-ingest"),
    "remove": ("删除此文档", "Remove this document"),
    "manage": ("管理", "Manage"),
    "compare_with": ("与另一区县比较", "Compare with another district"),
    "compare": ("比较", "Compare"),
    "comparison": ("区县比较", "District comparison"),
    "district_graph": ("区县关系图", "The district's graph"),
    "members": ("机构名单", "Organisations"),
    "schools": ("学校", "Schools"),
    "colleges": ("高校", "Colleges"),
    "companies": ("企业", "Companies"),
    "platforms": ("平台", "Platforms"),
    "others": ("其他", "Others"),
    "results_entities": ("实体", "Entities"),
    "results_documents": ("文档", "Documents"),
    "no_results": ("没有找到结果。", "Nothing found."),
    "results_for": ("“{q}”的搜索结果", "Results for “{q}”"),
    "matched_in": ("匹配于", "matched in"),
    "field_label": ("名称", "name"),
    "field_alias": ("别名", "alias"),
    "field_pinyin": ("拼音", "pinyin"),
    "field_title": ("标题", "title"),
    "field_text": ("正文", "text"),
    "field_evidence": ("证据句", "evidence"),
    "editor_intro": (
        "在此编写并运行 SPARQL 查询；示例为内置查询。结果可显示为表格、图表或关系图。",
        "Write and run SPARQL queries here; the examples are the bundled queries. "
        "Results show as a table, a chart or a graph.",
    ),
    "editor_noscript": (
        "脚本已关闭：可使用下面的纯 HTML 表单。",
        "Scripts are off: use the plain HTML form below.",
    ),
    "query": ("查询", "Query"),
    "run": ("运行", "Run"),
    "examples": ("示例查询", "Example queries"),
    "results": ("结果", "Results"),
    "truncated": ("结果已截断，只显示前 {n} 行。", "The result was cut after {n} rows."),
    "view_table": ("表格", "Table"),
    "view_response": ("原始响应", "Response"),
    "view_chart": ("图表", "Chart"),
    "view_graph": ("关系图", "Graph"),
    "not_found": ("页面不存在", "Page not found"),
    "not_found_text": (
        "没有这个页面。可以从首页或搜索开始。",
        "There is no such page. Start from the home page or search.",
    ),
    "error": ("出错了", "Something went wrong"),
    "add_intro": (
        "粘贴新闻稿正文或上传文本文件；先预览抽取结果，确认后写入图谱（与 kg ingest 规则相同）。",
        "Paste a press release or upload a text file; preview what is extracted, then accept to add it "
        "(the same rules as kg ingest).",
    ),
    "add_text": ("新闻稿正文", "Press release text"),
    "add_file": ("或上传文本文件", "or upload a text file"),
    "add_name": ("文件名（决定文档编号）", "File name (gives the document id)"),
    "preview": ("预览", "Preview"),
    "accept": ("确认写入", "Accept and add"),
    "preview_title": ("预览：{title}", "Preview: {title}"),
    "nothing_extracted": ("没有抽取到实体或关系。", "No entities or relations were found."),
    "added": ("已写入：{title}", "Added: {title}"),
    "removed": ("已删除：{title}", "Removed: {title}"),
    "token_needed": (
        "需要 kg serve 启动时打印的链接（含令牌）才能修改图谱。",
        "Changing the graph needs the link (with its token) that kg serve printed at start.",
    ),
    "read_only": ("本服务为只读。", "This server is read-only."),
    "entity_count": ("{n} 个实体", "{n} entities"),
    "relation_count": ("{n} 条关系", "{n} relations"),
    "document_count": ("{n} 篇文档", "{n} documents"),
    "all_documents": ("全部文档", "All documents"),
    "linked_data": ("机器可读：", "Machine-readable:"),
    "busy": ("服务器繁忙，请稍后再试。", "The server is busy; try again shortly."),
    "footer": (
        "kg · 数据来自公开新闻与人工整理；每条关系都附有原文证据。",
        "kg · data from public news and curation; every relation keeps its evidence sentence.",
    ),
}

GROUP_LABELS: dict[str, tuple[str, str]] = {
    "School": ("学校", "Schools"),
    "College": ("高校", "Colleges"),
    "EducationalOrganization": ("其他教育机构", "Other educational organisations"),
    "Company": ("企业", "Companies"),
    "GovernmentAgency": ("政府机构", "Government agencies"),
    "SocialOrganization": ("社会组织", "Social organisations"),
    "Platform": ("平台", "Platforms"),
    "Program": ("项目与计划", "Programs"),
    "Event": ("活动", "Events"),
    "Award": ("奖项与认定", "Awards"),
    "Place": ("地点", "Places"),
    "Person": ("人物", "People"),
    "Other": ("其他", "Others"),
}


def text(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (``zh`` or ``en``), with ``{placeholders}`` filled."""
    zh, en = STRINGS[key]
    template = en if lang == "en" else zh
    return template.format(**values) if values else template


def group_label(group: str, lang: str) -> str:
    zh, en = GROUP_LABELS.get(group, (group, group))
    return en if lang == "en" else zh


def term_label(iri: str, lang: str) -> str:
    """A class or relation name from the ontology's ``rdfs:label`` in ``lang`` (never a third spelling)."""
    return label(URIRef(iri), lang)


def choose_language(explicit: str | None, accept_language: str | None) -> str:
    """``zh`` or ``en``: the explicit choice (cookie or ``?lang=``), else the first of ``Accept-Language`` we have.

    Chinese when nothing is said or nothing matches.
    """
    if explicit in LANGUAGES:
        return explicit  # type: ignore[return-value]
    for tag in ranked(accept_language):  # q-values read where every Accept header is (kg.store.formats)
        if tag.split("-")[0] in LANGUAGES:
            return tag.split("-")[0]
    return "zh"
