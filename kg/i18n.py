"""Every word the command line, the reports and the website say to people, in Chinese (first) and English, in
one table (:data:`MESSAGES`); and the language in use.

The language is chosen once — ``kg --lang`` / ``KG_LANG`` for a command, the
page's language for the website — and read here by whatever words a message
or a report (:func:`current_language`), so no function needs a ``lang``
parameter threaded through it.  Names of classes and relations are not here:
they come from the ontology's ``rdfs:label`` (:func:`kg.model.terms.label`).

>>> text("entities", "zh"), text("entities", "en")
('实体', 'Entities')
>>> with use_language("en"):
...     text("wrote", path="a.html")
'wrote a.html'
>>> text("wrote", "zh", path="a.html")
'已写入 a.html'
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LANGUAGES = ("zh", "en")
HTML_LANG = {"zh": "zh-CN", "en": "en"}  # the lang attribute of a page in each language
DEFAULT = "zh"

_chosen: ContextVar[str | None] = ContextVar("kg_language", default=None)


def current_language() -> str:
    """``zh`` or ``en``: as set by :func:`use_language`, else ``KG_LANG``, else ``zh``."""
    chosen = _chosen.get() or os.environ.get("KG_LANG", "").strip().lower()
    return chosen if chosen in LANGUAGES else DEFAULT


@contextmanager
def use_language(lang: str | None) -> Iterator[None]:
    """Use ``lang`` inside the ``with`` block (``None``: keep the current one)."""
    token = _chosen.set(lang if lang in LANGUAGES else current_language())
    try:
        yield
    finally:
        _chosen.reset(token)


def pick(zh: str, en: str, lang: str | None = None) -> str:
    """``zh`` or ``en``, whichever the language (``lang``, or the current one) asks for."""
    return en if (lang or current_language()) == "en" else zh


def text(key: str, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language), with ``{placeholders}`` filled."""
    zh, en = MESSAGES[key]
    template = pick(zh, en, lang)
    return template.format(**values) if values else template


def did_you_mean(names: list[str]) -> str:
    """The hint after an unknown name: the closest known ones, or nothing.

    >>> with use_language("zh"):
    ...     did_you_mean(["华为", "华为公司"])
    '；是否要找：华为、华为公司？'
    """
    return text("did_you_mean_hint", names=pick("、", ", ").join(names)) if names else ""


def header(*keys: str) -> tuple[str, ...]:
    """Column titles of a table, each the message of its key."""
    return tuple(text(key) for key in keys)


# One entry per message: key → (Chinese, English).  Keys say what the words are for.
MESSAGES: dict[str, tuple[str, str]] = {
    # -- words of tables and summaries
    "entity": ("实体", "entity"),
    "relation": ("关系", "relation"),
    "indicator": ("指标", "indicator"),
    "headline": ("标题", "headline"),
    "status": ("状态", "status"),
    "rule": ("规则", "rule"),
    "message": ("说明", "message"),
    "why": ("原因", "why"),
    "parameters": ("参数（默认值）", "parameters (defaults)"),
    "file": ("文件", "file"),
    "format": ("格式", "format"),
    "graph": ("图", "graph"),
    "triples": ("三元组", "triples"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "status_added": ("已添加", "added"),
    "unchanged": ("未变", "unchanged"),
    "status_replaced": ("已替换", "replaced"),
    "curated": ("人工整理", "curated"),
    "extraction": ("自动抽取", "extraction"),
    # -- what commands print
    "version": ("kg 版本 {version}", "kg, version {version}"),
    "store_at": ("存储：{path}", "store: {path}"),
    "summary": (
        "{entities} 个实体，{relations} 条关系，{indicators} 个指标，{documents} 篇文档，"
        "{triples} 个三元组（其中推理 {inferred} 个）",
        "{entities} entities, {relations} relations, {indicators} indicators, {documents} documents, "
        "{triples} triples ({inferred} inferred)",
    ),
    "warning": ("警告：{message}", "warning: {message}"),
    "wrote": ("已写入 {path}", "wrote {path}"),
    "wrote_graph": ("已写入 {path}（{nodes} 个节点，{edges} 条边）", "wrote {path} ({nodes} nodes, {edges} edges)"),
    "wrote_triples": ("已写入 {n} 个三元组到图 <{graph}>", "wrote {n} triples to graph <{graph}>"),
    "wrote_documents": ("已在 {path} 下写入 {n} 篇文档", "wrote {n} documents under {path}"),
    "rows": ("（{n} 行）", "({n} row{s})"),
    "removed_document": (
        "已删除 {doc}（{relations} 条关系，{indicators} 个指标）",
        "removed {doc} ({relations} relations, {indicators} indicators)",
    ),
    "no_merges": ("没有合并", "no merges"),
    "no_duplicates": ("没有疑似重复", "no likely duplicates"),
    "unmerged": ("已拆开 {a} 与 {b}（原由规则 {rule} 合并）", "unmerged {a} and {b} (were merged by rule {rule})"),
    "nothing_added": ("{path}：{reason}；未添加", "{path}: {reason}; nothing added"),
    "no_text": ("{path}：没有文字，未抽取", "{path}: no text, nothing extracted"),
    "nothing_found": ("{path}：{doc} 中没有找到实体或关系", "{path}: no entities or relations found in {doc}"),
    "no_text_reason": ("没有文字", "no text"),
    "nothing_found_reason": ("{doc} 中没有找到实体或关系", "no entities or relations found in {doc}"),
    "validating": ("正在校验 …", "validating …"),
    "violations": ("{n} 处违规", "{n} violation{s}"),
    "validated": (
        "{found}：{source}，{triples} 个三元组，{rules} 条规则",
        "{found}: {source}, {triples} triples, {rules} rules",
    ),
    "inferred_quads": ("{n} 个推理四元组", "{n} inferred quads"),
    "quads_entities": ("{quads} 个四元组，{entities} 个实体", "{quads} quads, {entities} entities"),
    # -- errors people meet most
    "no_entity": ("没有名为“{name}”的实体{hint}", "no entity named {name!r}{hint}"),
    "did_you_mean_hint": ("；是否要找：{names}？", "; did you mean {names}?"),
    "no_store": (
        "{path} 处没有存储：请先运行 kg build，或用 --store 指定",
        "no store at {path}: run 'kg build' first or give --store",
    ),
    "not_a_district": ("“{name}”是{label}（{cls}），不是区县", "{name!r} is {label} ({cls}), not a district"),
    # -- paths
    "path_heading": ("路径 {i}（{hops} 跳）：", "path {i} ({hops} hop{s}): "),
    "path_source": ("来源：{source}", "source: {source}"),
    "same_entity_path": ("（同一个实体）", "(the same entity)"),
    "not_connected": (
        "{a} 与 {b} 之间没有联系：没有任何关系链连接二者",
        "{a} and {b} are not connected: no chain of relations links them",
    ),
    # -- reports
    "report_analysis": ("kg 分析 — {scope}", "kg analysis — {scope}"),
    "report_comparison": ("kg 区县比较 — {names}", "kg district comparison — {names}"),
    "versus": (" 与 ", " vs "),
    "whole_graph": ("全图", "whole graph"),
    "filter_class": ("类别 {values}", "class {values}"),
    "filter_relation": ("关系 {values}", "relation {values}"),
    "overview": ("概览", "Overview"),
    "no_match": ("没有符合条件的实体。", "No entities match."),
    "relation_assertions": ("关系断言", "relation assertions"),
    "ties": ("关联对（联系）", "linked pairs (ties)"),
    "density": ("密度", "density"),
    "components": ("连通分量", "connected components"),
    "largest_component": ("最大连通分量", "largest component"),
    "isolates": ("孤立实体", "isolated entities"),
    "communities": ("社群", "communities"),
    "sector_actors": ("{sector}主体", "{sector} actors"),
    "rank_column": ("#", "#"),
    "sector": ("部门", "sector"),
    "assertions": ("断言数", "assertions"),
    "k_core": ("k 核", "k-core"),
    "community": ("社群", "community"),
    "hubs": ("枢纽：PageRank 前 {n} 名", "Hubs: top {n} by PageRank"),
    "hubs_note": (
        "度数 = 不同合作方数；断言数 = 含平行关系的关系数；k 核 = 核数",
        "degree = distinct partners; assertions = relations incl. parallel ones; k-core = core number",
    ),
    "bridges": ("桥梁：中介中心性前 {n} 名", "Bridges: top {n} by betweenness"),
    "bridges_sampled": ("中介中心性由抽样的源点估算", "betweenness estimated from a sample of sources"),
    "central_per_class": ("各类中最核心的实体（PageRank）", "Most central per class (PageRank)"),
    "communities_by": ("社群（{method}）", "Communities ({method})"),
    "size": ("规模", "size"),
    "community_label": ("名称（最核心的成员）", "label (most central members)"),
    "community_members": ("成员", "members"),
    "community_sizes": ("社群规模", "Community sizes"),
    "main_core": ("主核：k = {k}，{n} 个实体：", "Main core: k = {k}, {n} entities: "),
    "brokers": (
        "跨部门中介：去掉后教育与产业或政府之间断开联系的实体",
        "Sector brokers: entities whose removal disconnects education from industry or government",
    ),
    "pairs_cut": ("{pair} 断开的对数", "{pair} pairs cut"),
    "brokers_note": (
        "断开的对数 = 现在相连、去掉该实体后不再相连的（教育实体，产业/政府实体）对",
        "pairs cut = (education entity, industry/government entity) pairs connected now and not without it",
    ),
    "connected_components": ("连通分量", "Connected components"),
    "most_linked": ("联系最多的成员", "most linked members"),
    "components_note": (
        "新闻文本构成的图是碎片化的：每个分量都是文本没有与其余部分联系起来的一个故事",
        "a graph from news text is fragmented: each component is a story the texts do not link to the rest",
    ),
    "isolated_entities": (
        "孤立实体（数据缺口：有名称，无联系）",
        "Isolated entities (data gaps: named, linked to nothing)",
    ),
    "centrality": ("中心性", "Centrality"),
    "communities_and_core": ("社群与核心", "Communities and core"),
    "brokers_between_sectors": ("跨部门中介", "Brokers between sectors"),
    "components_and_gaps": ("连通分量与数据缺口", "Components and data gaps"),
    "linkage_indicators": ("城教联系指标", "Education–city linkage indicators"),
    "definitions_note": (
        "定义见 README.md 的“指标”一节，或 JSON 输出",
        "definitions: README.md § Indicators, or the JSON output",
    ),
    "indicators_compared": ("指标比较", "Indicators compared"),
    "initiative_by_sector": (
        "谁在发起（发起/牵头/共建/承办），按部门",
        "Who takes the initiative (initiates / leads / builds / hosts), by sector",
    ),
    "district_indicators": ("区县指标", "District indicators"),
    "schools_partners": (
        "{name}：学校与高校、其产业合作方及合作方所属部门",
        "{name}: schools and colleges, their industry partners and partner sectors",
    ),
    "school_or_college": ("学校/高校", "school/college"),
    "industry_partners": ("产业合作方", "industry partners"),
    "entropy": ("熵", "entropy"),
    "partner_sectors": ("{name}：各学校/高校的合作方部门", "{name}: partner sectors per school/college"),
    "platforms_taking_part": ("{name}：平台及参与方", "{name}: platforms and who takes part"),
    "platform": ("平台", "platform"),
    "other_education": ("其他教育机构", "other edu."),
    "government": ("政府", "government"),
    "other": ("其他", "other"),
    "co_built": ("共建", "co-built"),
    "co_built_note": (
        "共建 = 至少一所学校或高校与一家企业参与",
        "co-built = at least one school or college and one company take part",
    ),
    "alliance_completeness": ("{name}：产教联盟完整度", "{name}: industry–education alliance completeness"),
    "alliance": ("联盟", "alliance"),
    "met": ("满足", "met"),
    # (the checks of kg.analysis.indicators' alliance completeness, by their names there)
    "check_lead_school_or_college": ("牵头学校或高校", "lead school or college"),
    "check_lead_enterprise": ("牵头企业", "lead enterprise"),
    "check_industrial_or_vocational_park": ("产业园或职教园", "industrial or vocational park"),
    "check_secondary_vocational_school": ("中职学校", "secondary vocational school"),
    "check_higher_vocational_college": ("高职院校", "higher vocational college"),
    "check_regular_university": ("普通高校", "regular university"),
    "check_company_members": ("企业成员", "company members"),
    "coeducation": ("{name}：校家社协同育人资源", "{name}: school–family–society resources"),
    "cross_border": ("{name}：跨区域联系", "{name}: ties across borders"),
    "member": ("成员", "member"),
    "partner": ("合作方", "partner"),
    "border": ("边界", "border"),
    "stated_in_texts": ("{name}：文本中陈述的指标（{n}）", "{name}: indicators stated in the texts ({n})"),
    "subject": ("主体", "subject"),
    "as_written": ("原文", "as written"),
    "counts": ("计数对象", "counts"),
    "in_detail": ("{name} 详情", "{name} in detail"),
    "stated_side_by_side": ("文本中陈述的指标，按计数对象", "Indicators stated in the texts, by what they count"),
    "other_counts": ("（其他）", "(other)"),
    "stated_note": (
        "数量按文本原样；只有计数对象相同时才可比较",
        "quantities as the texts state them; they are not comparable unless they count the same thing",
    ),
    "not_computable": ("新闻图谱无法计算的指标", "Not computable from a news graph"),
    "need_statistics": ("需要统计数据而非新闻文本的指标", "Indicators that need statistics, not news text"),
    "filters_note": (
        "--class 和 --relation 筛选只作用于网络指标；区县指标使用全图。",
        "The --class and --relation filters apply to the network metrics; the indicators use the whole graph.",
    ),
    # -- the website's pages
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
    "and_more": ("另有 {n} 个未列出。", "and {n} more not listed."),
    "path_too_far": (
        "在 {n} 个实体之内没有找到连接这两个实体的关系链。",
        "No chain of relations found within {n} entities of them.",
    ),
    "ambiguous_entity": ("有多个实体名为“{name}”。", "Several entities are named “{name}”."),
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
    "endpoint": ("SPARQL 端点地址", "SPARQL endpoint"),
    # The SPARQL editor's own controls (YASGUI, vendored; it speaks English): on a Chinese page editor.js puts these
    # words in place of the English ones, matched whole ({blanks} stand for any text; a word's final "s" may be
    # missing: 1 result, 2 results).
    "yasgui_simple_view": ("简洁视图", "Simple view"),
    "yasgui_ellipse": ("截断长文本", "Ellipse"),
    "yasgui_page_size": ("每页行数：", "Page size:"),
    "yasgui_filter": ("筛选结果", "Filter query results"),
    "yasgui_download": ("下载结果", "Download result"),
    "yasgui_download_results": ("下载结果", "Download Results"),
    "yasgui_download_unsupported": ("此视图不能下载", "Download not supported"),
    "yasgui_show_all": ("显示全部", "Show all"),
    "yasgui_results": ("{n} 条结果，用时 {t} 秒", "{n} results in {t} seconds"),
    "yasgui_result_count": ("{n} 条结果", "{n} results"),
    "yasgui_response": ("已收到响应，用时 {t} 秒", "Response in {t} seconds"),
    "yasgui_showing": ("第 {start} 至 {end} 条，共 {total} 条", "Showing {start} to {end} of {total} entries"),
    "yasgui_showing_one": ("第 {start} 至 {end} 条，共 {total} 条", "Showing {start} to {end} of {total} entry"),
    "yasgui_filtered": ("（从 {total} 条中筛选）", "(filtered from {total} total entries)"),
    "yasgui_empty_table": ("没有结果", "No data available in table"),
    "yasgui_no_match": ("没有符合筛选的结果", "No matching records found"),
    "yasgui_loading": ("正在加载……", "Loading..."),
    "yasgui_sort": ("{column}：按此列排序", "{column}: Activate to sort"),
    "yasgui_sort_reverse": ("{column}：按此列反向排序", "{column}: Activate to invert sorting"),
    "yasgui_sort_remove": ("{column}：取消按此列排序", "{column}: Activate to remove sorting"),
    "yasgui_pagination": ("翻页", "pagination"),
    "yasgui_first": ("第一页", "First"),
    "yasgui_previous": ("上一页", "Previous"),
    "yasgui_next": ("下一页", "Next"),
    "yasgui_last": ("最后一页", "Last"),
    "yasgui_shows_view": ("显示为{view}", "Shows {view} view"),
    "yasgui_documentation_of": ("“{view}”的说明", "View documentation of {view}"),
    "yasgui_documentation": ("“{view}”的说明", "{view} documentation"),
    "yasgui_no_help": (
        "此视图没有说明文档",
        "This plugin doesn't have a help reference yet. Please contact the maintainer to fix this",
    ),
    "yasgui_close_tab": ("关闭标签页", "Close tab"),
    "yasgui_add_tab": ("新建标签页", "Add tab"),
    "yasgui_add_new_tab": ("新建标签页", "Add a new tab"),
    "yasgui_open_settings": ("打开请求设置", "Open settings"),
    "yasgui_close_settings": ("关闭请求设置", "Close settings"),
    "yasgui_clear_endpoint": ("清除端点地址", "Clear endpoint"),
    "yasgui_add_endpoint": ("按回车键使用此端点", 'Press "enter" to add this endpoint'),
    "yasgui_share": ("分享查询", "Share query"),
    "yasgui_shorten": ("缩短链接", "Shorten"),
    "yasgui_run": ("运行查询", "Run query"),
    "yasgui_request_method": ("请求方法", "Request method"),
    "yasgui_accept": ("结果格式", "Accept Headers"),
    "yasgui_ask_select": ("ASK / SELECT 查询", "Ask / Select"),
    "yasgui_construct_describe": ("CONSTRUCT / DESCRIBE 查询", "Construct / Describe"),
    "yasgui_arguments": ("请求参数", "Arguments"),
    "yasgui_header_arguments": ("请求头", "Header Arguments"),
    "yasgui_default_graphs": ("默认图", "Default Graphs"),
    "yasgui_named_graphs": ("命名图", "Named Graphs"),
    "yasgui_try_window": ("在新的浏览器窗口中运行此查询", "Try query in a new browser window"),
    "yasgui_no_response": ("端点没有响应。可能的原因：", "Unable to get response from endpoint. Possible reasons:"),
    "yasgui_wrong_endpoint": ("端点地址不正确", "Incorrect endpoint URL"),
    "yasgui_endpoint_down": ("端点已停止运行", "Endpoint is down"),
    "yasgui_not_accessible": (
        "本页面无法访问该端点，且该端点未启用",
        "Endpoint is not accessible from the YASGUI server and website, and the endpoint is not",
    ),
    "yasgui_cors": ("跨域访问（CORS）", "CORS-enabled"),
    "yasgui_cannot_render": ("无法显示结果", "cannot render result"),
    "yasgui_invalid_line": ("此行有语法错误。应为：", "This line is invalid. Expected:"),
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
    # -- the command line's usage errors (ours; click's own words are in CLICK below)
    "usage_hint": ("（见 {command} --help）", " (see {command} --help)"),
    "aborted": ("已中止", "Aborted"),
    "hops_needs_focus": ("--hops 需要与 --focus 名称一起使用", "--hops needs --focus NAME"),
    "excel_needs_csv": ("--excel 只用于 --format csv", "--excel applies to --format csv"),
    "format_writes_folder": (
        "--format {fmt} 会写出多个文件：--out 请给一个文件夹",
        "--format {fmt} writes several files: give --out a folder",
    ),
    "out_is_folder": (
        "--out {out} 是文件夹；--format {fmt} 只写一个文件",
        "--out {out} is a folder; --format {fmt} writes one file",
    ),
    "compare_how": (
        "比较区县请用 --compare：kg analyze --compare {places}",
        "to compare districts give --compare: kg analyze --compare {places}",
    ),
    "compare_needs_two": (
        "--compare 需要两个或更多区县，例如 --compare 巴南区 大足区",
        "--compare needs two or more districts, e.g. --compare 巴南区 大足区",
    ),
    "compare_alone": (
        "--compare 不能与 --district、--class、--relation 或 --write-back 同用",
        "--compare cannot be combined with --district, --class, --relation or --write-back",
    ),
    "write_back_whole": (
        "--write-back 保存的是全图结果：请去掉 --district、--class 和 --relation",
        "--write-back stores whole-graph results: drop --district, --class and --relation",
    ),
    "not_png_size": ("{value!r} 不是 宽x高 的形式，例如 1600x1000", "{value!r} is not WIDTHxHEIGHT, e.g. 1600x1000"),
    "png_size_range": ("宽和高须在 200 到 8000 像素之间", "width and height must be between 200 and 8000 pixels"),
    "files_or_eval": ("请给出 FILE… 或 --eval GOLD_DIR，不能同时给", "give FILE... or --eval GOLD_DIR, not both"),
    "missing_files_or_eval": ("缺少 FILE…（或 --eval GOLD_DIR）", "missing FILE... (or --eval GOLD_DIR)"),
    "missing_files": ("缺少 FILE… 或 DIR", "missing FILE... or DIR"),
    "missing_query": (
        "请给出查询（文本、文件或内置查询名），或用 --list 列出",
        "give a query (text, file or bundled name), or --list",
    ),
    "not_name_value": ("{item!r} 不是 NAME=VALUE 的形式", "{item!r} is not NAME=VALUE"),
    "not_http_url": ("{base!r} 不是 http(s) 网址", "{base!r} is not an http(s) URL"),
    # -- kg serve
    "serve_banner": (
        "SPARQL 端点 {url}sparql，网站 {url}（存储 {store}，{mode}，超时 {timeout} 秒，最多 {rows} 行）；Ctrl+C 停止",
        "SPARQL endpoint {url}sparql, website {url} (store {store}, {mode}, timeout {timeout} s, row limit {rows}); "
        "Ctrl+C stops",
    ),
    "read_only_mode": ("只读", "read-only"),
    "read_write": ("可写", "read-write"),
    "serve_token": ("要在浏览器中修改图谱，请打开 {link}", "to change the graph from a browser, open {link}"),
    # -- errors: files, formats, queries, endpoints, subsets, drawings
    "out_writes_folder": (
        "{option} {path}：此格式写出一个文件夹，而这是一个文件",
        "{option} {path}: this format writes a folder, and this is a file",
    ),
    "out_writes_file": (
        "{option} {path}：这是文件夹；此格式只写一个文件",
        "{option} {path}: is a folder; this format writes one file",
    ),
    "out_no_folder": ("{option} {path}：文件夹 {parent} 不存在", "{option} {path}: folder {parent} does not exist"),
    "out_not_writable": ("{option} {path}：文件夹 {folder} 不可写", "{option} {path}: folder {folder} is not writable"),
    "cannot_write": ("{option} {path}：无法写入：{reason}", "{option} {path}: cannot write: {reason}"),
    "cannot_read": ("{path}：无法读取：{reason}", "{path}: cannot read: {reason}"),
    "bom_text": (
        "{path}：{name} 文本（带字节顺序标记）：请加 --encoding {encoding}",
        "{path}: {name} text (byte order mark): pass --encoding {encoding}",
    ),
    "binary_file": ("{path}：二进制文件，不是文本", "{path}: binary file, not text"),
    "meta_not_json": ("{path}：元数据不是合法的 JSON：{reason}", "{path}: metadata is not valid JSON: {reason}"),
    "meta_unreadable": ("{path}：无法读取元数据：{reason}", "{path}: cannot read the metadata: {reason}"),
    "meta_not_object": ("{path}：元数据应为 JSON 对象", "{path}: metadata must be a JSON object"),
    "meta_wrong_type": (
        "{path}：元数据的 “{field}” 类型不对（应为文本，或文本的列表）",
        '{path}: metadata field "{field}" has the wrong type (text, or a list of texts)',
    ),
    "rdf_not_text": (
        "{path}：这是 RDF，不是待抽取的文本：请用 'kg load {path}' 载入",
        "{path}: RDF, not text to extract from: load it with 'kg load {path}'",
    ),
    "cannot_decode": ("{path}：无法按 {tried} 解码", "{path}: cannot decode as {tried}"),
    "utf8_or_gb18030": ("UTF-8 或 GB18030", "UTF-8 and GB18030"),
    "unknown_format": (
        "{option}：未知格式 {name!r}；可选：{choices}",
        "{option}: unknown format {name!r}; choose one of {choices}",
    ),
    "format_from_name": (
        "{path}：无法从文件名判断{what}（{known}）；请用 --format 指定",
        "{path}: cannot tell the {what} from the file name ({known}); give --format",
    ),
    "rdf_format": ("RDF 格式", "RDF format"),
    "not_rdf_format": (
        "--format {name} 不是 RDF 格式；可选：{choices}",
        "--format {name} is not an RDF format; choose one of {choices}",
    ),
    "refused_fetch": ("{word} 被拒绝：kg 从不访问网络", "{word} is refused: kg never fetches from the network"),
    "update_not_query": (
        "{statement} 是 SPARQL 更新，不是查询：kg query 只读；"
        "请用 kg load、kg ingest 或 kg docs remove（或 kg serve --allow-update）修改存储",
        "{statement} is a SPARQL Update, not a query: kg query only reads; "
        "change the store with kg load, kg ingest or kg docs remove (or kg serve --allow-update)",
    ),
    "query_word": ("查询", "query"),
    "update_word": ("更新", "update"),
    "syntax_error_line": (
        "{kind}语法错误：第 {line} 行第 {column} 列：{detail}",
        "{kind} syntax error at line {line}, column {column}: {detail}",
    ),
    "syntax_error_at": ("{kind}语法错误：{detail}", "{kind} syntax error: {detail}"),
    "unknown_prefix": ("未知前缀", "unknown prefix"),
    "unknown_prefix_in": ("未知前缀 {prefix}（在 {name!r} 中）", "unknown prefix {prefix}: in {name!r}"),
    "unexpected_text": ("意外的文本", "unexpected text"),
    "unexpected_end": ("行尾意外结束", "unexpected end of the line"),
    "expected_one_of": ("应为以下之一：{what}", "expected one of {what}"),
    "expected": ("应为 {what}", "expected {what}"),
    "near": ("，位于 {excerpt!r} 附近", " near {excerpt!r}"),
    "bad_variable": ("变量名 {name!r} 无效", "bad variable name {name!r}"),
    "blank_bound": ("?{name}：空白节点不能作为绑定值", "?{name}: a blank node cannot be bound"),
    "stdin_not_utf8": (
        "stdin：不是 UTF-8 文本（第 {byte} 字节）：查询须为 UTF-8 文本",
        "stdin: not UTF-8 text (byte {byte}): a query is UTF-8 text",
    ),
    "cannot_read_query": ("{path}：无法读取查询文件：{reason}", "{path}: cannot read query file: {reason}"),
    "no_query_named": (
        "没有名为 {name!r} 的内置查询或查询文件{hint}",
        "no bundled query or query file named {name!r}{hint}",
    ),
    "query_list_hint": ("；kg query --list 列出内置查询", "; 'kg query --list' shows the bundled queries"),
    "ambiguous_name": (
        "{name!r} 对应 {n} 个实体：{labels}；请给出全名或 IRI",
        "{name!r} names {n} entities: {labels}; give the full name or IRI",
    ),
    "no_such_param": (
        "查询 {query!r} 没有参数 {name!r}（可用：{accepted}）",
        "query {query!r} has no parameter {name!r} (it takes {accepted})",
    ),
    "no_parameters": ("无参数", "no parameters"),
    "query_failed": ("查询失败：{reason}", "query failed: {reason}"),
    "format_for_select": (
        "--format {name} 用于 SELECT/ASK；CONSTRUCT/DESCRIBE 可用 {choices}",
        "--format {name} is for SELECT/ASK; CONSTRUCT/DESCRIBE give {choices}",
    ),
    "format_for_construct": (
        "--format {name} 用于 CONSTRUCT/DESCRIBE；SELECT/ASK 可用 {choices}",
        "--format {name} is for CONSTRUCT/DESCRIBE; SELECT/ASK give {choices}",
    ),
    "endpoint_not_http": (
        "--endpoint：{endpoint!r} 不是 http(s) 网址",
        "--endpoint: {endpoint!r} is not an http(s) URL",
    ),
    "bad_timeout_env": (
        "KG_TIMEOUT={value!r} 不是正的秒数",
        "KG_TIMEOUT={value!r} is not a positive number of seconds",
    ),
    "too_many_redirects": ("SPARQL 端点 {url}：重定向超过 {n} 次", "SPARQL endpoint {url}: more than {n} redirects"),
    "url_not_http": ("SPARQL 端点 {url}：不是 http(s) 网址", "SPARQL endpoint {url}: not an http(s) URL"),
    "cannot_reach": ("无法连接 SPARQL 端点 {url}：{reason}", "cannot reach SPARQL endpoint {url}: {reason}"),
    "endpoint_late": (
        "SPARQL 端点 {url} 在 {seconds} 秒内没有应答（用 --timeout 秒数 或 KG_TIMEOUT 等待更久）",
        "SPARQL endpoint {url} did not answer within {seconds} s (--timeout SECONDS or KG_TIMEOUT to wait longer)",
    ),
    "malformed_answer": (
        "SPARQL 端点 {url} 返回了格式错误的 {content_type} 应答：{what}",
        "SPARQL endpoint {url} sent a malformed {content_type} answer: {what}",
    ),
    "endpoint_status": (
        "SPARQL 端点 {url} 返回 HTTP {status}：{body}",
        "SPARQL endpoint {url} answered HTTP {status}: {body}",
    ),
    "not_query_url": (
        "SPARQL 端点 {url} 返回 HTTP {status}：这不是 SPARQL 查询网址；"
        "请给出查询网址，例如 {base}/query（Oxigraph）或 {base}/sparql（kg serve、Virtuoso）",
        "SPARQL endpoint {url} answered HTTP {status}: it is not a SPARQL query URL; "
        "give the query URL, e.g. {base}/query (Oxigraph) or {base}/sparql (kg serve, Virtuoso)",
    ),
    "unexpected_type": (
        "SPARQL 端点 {url} 返回了意外的内容类型 {content_type}",
        "SPARQL endpoint {url} answered with unexpected content type {content_type}",
    ),
    "endpoint_read_only": ("{url} 以只读方式打开", "{url} is opened read-only"),
    "unknown_class": (
        "--class：未知类别 {name!r}；可选：{choices}",
        "--class: unknown class {name!r}; choose from {choices}",
    ),
    "hops_negative": ("--hops 须为 0 或更大", "--hops must be 0 or more"),
    "unknown_relation": (
        "--relation：未知关系 {name!r}；可选：{choices} 或其中文名称",
        "--relation: unknown relation {name!r}; choose from {choices} or their Chinese labels",
    ),
    "no_district_named": (
        "--district：图中没有区县 {name!r}；已知：{known}",
        "--district: no district {name!r} in the graph; known: {known}",
    ),
    "store_or_endpoint": (
        "请给出存储路径或端点，不能同时给（--store 或 --endpoint）",
        "give a store path or an endpoint, not both (--store or --endpoint)",
    ),
    "unknown_value": (
        "{option}：未知取值 {value!r}；可选：{choices}",
        "{option}: unknown value {value!r}; choose {choices}",
    ),
    "label_width_min": ("--label-width 和标签行数至少为 1", "--label-width and label lines must be at least 1"),
    "nothing_to_draw": (
        "没有可绘制的内容：没有实体符合子集选项",
        "nothing to draw: no entity matches the subset options",
    ),
    "chromium_not_file": ("KG_CHROMIUM={path} 不是文件", "KG_CHROMIUM={path} is not a file"),
    "png_needs_chromium": (
        "--png 需要 Chromium：apt-get install chromium（或把 KG_CHROMIUM 设为 Chrome/Chromium 程序）",
        "--png needs Chromium: apt-get install chromium (or set KG_CHROMIUM to a Chrome/Chromium binary)",
    ),
    "fit_needs_sklearn": (
        "--fit-confidence 需要 scikit-learn：pip install 'kg-cityedu[train]'",
        "--fit-confidence needs scikit-learn: pip install 'kg-cityedu[train]'",
    ),
    "bad_confidence_model": (
        "{path}：不是 --fit-confidence 写出的模型（{error}）",
        "{path}: not a model written by --fit-confidence ({error})",
    ),
    "fit_needs_both": (
        "这些文件夹中没有事实用到的实体（{samples} 个）不是全对就是全错：无从拟合",
        "the entities no fact uses in these folders ({samples}) are all right or all wrong: nothing to fit",
    ),
    "fit_confidence_usage": (
        "--fit-confidence DIR… 只与 --out FILE（及 --min-confidence）同用，不给 FILE 或 --eval",
        "--fit-confidence DIR... goes with --out FILE (and --min-confidence) only, no FILE or --eval",
    ),
    "png_needs_playwright": (
        "--png 需要 Playwright：pip install 'kg-cityedu[png]'",
        "--png needs Playwright: pip install 'kg-cityedu[png]'",
    ),
    "png_cannot_start": ("--png：无法启动 {path}：{reason}", "--png: cannot start {path}: {reason}"),
    "png_not_drawn": (
        "--png：图谱没有在 {seconds} 秒内绘制完成（{reason}）",
        "--png: the graph was not drawn within {seconds} s ({reason})",
    ),
    "png_cannot_write": ("--png：无法写入 {path}：{reason}", "--png: cannot write {path}: {reason}"),
    "leiden_missing": (
        "Leiden 社群需要 igraph 和 leidenalg：pip install 'kg-cityedu[leiden]'（或用 louvain）",
        "Leiden communities need igraph and leidenalg: pip install 'kg-cityedu[leiden]' (or use louvain)",
    ),
    "not_valid_rdf": ("{path}：不是有效的 {format}：{reason}", "{path}: not valid {format}: {reason}"),
    # -- errors: the store
    "store_is_file": (
        "{path} 是文件，不是存储：请给 --store（或 KG_STORE）一个文件夹",
        "{path} is a file, not a store: give a folder to --store (or KG_STORE)",
    ),
    "store_among_files": (
        "{path} 是含有其他文件的文件夹，不是存储：请给 --store（或 KG_STORE）一个空的或新的文件夹",
        "{path} is a folder with other files, not a store: give an empty or new folder to --store (or KG_STORE)",
    ),
    "store_busy": ("存储 {path} 正由 {holder} 写入；{waited}", "store {path} is being written by {holder}; {waited}"),
    "another_process": ("另一个进程", "another process"),
    "this_process": ("本进程", "this process"),
    "waited": ("已等待 {seconds} 秒", "after waiting {seconds} s"),
    "wait_hint": ("可用 --wait 秒数 等它写完", "--wait SECONDS to wait for it"),
    "cannot_open_store": ("无法打开存储 {path}：{reason}", "cannot open store {path}: {reason}"),
    "cannot_flush_store": ("无法把存储 {path} 写入磁盘：{reason}", "cannot flush store {path}: {reason}"),
    "store_write_failed": ("写入存储 {path} 失败：{reason}", "write to store {path} failed: {reason}"),
    "bulk_load_failed": ("批量载入存储 {path} 失败：{reason}", "bulk load into store {path} failed: {reason}"),
    "bulk_write_failed": ("批量写入存储 {path} 失败：{reason}", "bulk write to store {path} failed: {reason}"),
    "in_memory": ("（内存）", "(memory)"),
    "not_written_graph": (
        "write_parts：{graph} 不在正在写入的图之中",
        "write_parts: {graph} is not one of the graphs being written",
    ),
    "store_empty": (
        "存储 {path} 是空的（从未构建，或首次构建被中断）：请运行 kg build",
        "store {path} is empty (never built, or its first build was stopped): run 'kg build'",
    ),
    # -- errors: kg load
    "no_such_file": ("{path}：文件不存在", "{path}: no such file"),
    "graph_one_file": (
        "--graph 只能为一个文件命名图：请只给一个文件，或去掉 --graph",
        "--graph names the graph of one file; give one file or leave --graph out",
    ),
    "blank_graph": (
        "{path}：没有 IRI 的命名图（空白节点）无法载入",
        "{path}: a named graph without an IRI (blank node) cannot be loaded",
    ),
    "graph_not_iri": (
        "{where}：{iri!r} 不是 http(s):// 或 urn: IRI",
        "{where}: {iri!r} is not an http(s):// or urn: IRI",
    ),
    "graph_reserved": (
        "{where}：<{iri}> 是{reason}；载入会替换它（如确要替换，请加 --force）",
        "{where}: <{iri}> is {reason}; loading would replace it (--force to do so anyway)",
    ),
    "reserved_staging": ("正在进行的写入", "a write in progress"),
    "reserved_ontology": ("本体（由 kg build 维护）", "the ontology (kg build owns it)"),
    "reserved_registry": ("人工整理的实体登记表（由 kg build 维护）", "the curated entity registry (kg build owns it)"),
    "reserved_inferred": ("推理闭包（每次写入都会刷新）", "the inferred closure (every write refreshes it)"),
    "reserved_analysis": (
        "分析结果（由 kg analyze --write-back 维护）",
        "the analysis results (kg analyze --write-back owns it)",
    ),
    "reserved_document": (
        "来源文档的图（由 kg build 和 kg ingest 维护）",
        "a source document's graph (kg build and kg ingest own them)",
    ),
    "reserved_namespace": ("属于 kg 自己命名空间的图", "in kg's own namespace"),
    "load_failed": ("载入失败，已删除其写入的图：{reason}", "load failed, its graphs were removed: {reason}"),
    "stage_parsed": ("已解析", "parsed"),
    "stage_loaded": ("已载入", "loaded"),
    # -- errors: ingest, documents, curated data, lexicons
    "scheduler_needs_dask": (
        "--scheduler 需要 Dask distributed：pip install 'kg-cityedu[dask]'",
        "--scheduler needs Dask distributed: pip install 'kg-cityedu[dask]'",
    ),
    "scheduler_unreachable": (
        "--scheduler {scheduler}：无法连接 Dask 调度器：{reason}",
        "--scheduler {scheduler}: cannot reach the Dask scheduler: {reason}",
    ),
    "duplicate_doc_id": (
        "{path}：文档编号 {doc_id} 与 {other} 的相同（编号由区县和文件名决定；请重命名其中一个文件）",
        "{path}: document id {doc_id} is also given by {other} (ids come from the district and the file name; "
        "rename one file)",
    ),
    "curated_not_replaced": (
        "{path}：文档 {doc_id} 是存储中人工整理的文档，在 data/curated 中维护并由 kg build 重建，不能用抽取结果替换",
        "{path}: document {doc_id} is a curated document of the store; it is maintained in data/curated and "
        "rebuilt by 'kg build', not replaced by extraction",
    ),
    "no_document": (
        "存储中没有文档 {name!r}（已有文档：{known}）",
        "no document {name!r} in the store (documents: {known})",
    ),
    "none_known": ("无", "none"),
    "curated_not_removed": (
        "{doc} 是人工整理的文档：请删除 data/curated/{doc}.yaml 及其正文，再运行 kg build",
        "{doc} is a curated document: remove data/curated/{doc}.yaml and its text, then run 'kg build'",
    ),
    "nothing_to_add": ("没有可添加的内容", "nothing to add"),
    "no_stored_text": ("文档 {doc} 没有保存正文", "document {doc} has no stored text"),
    "over_limit": (
        "{path}：{size} 字节，超过上限 {limit}；如仍要读取，请加 --max-bytes {bytes}",
        "{path}: {size} bytes, over the limit of {limit}; pass --max-bytes {bytes} to read it anyway",
    ),
    "not_merged": (
        "{a} 与 {b} 没有合并（kg entities merges 列出所有合并）",
        "{a} and {b} are not merged (kg entities merges lists the merges)",
    ),
    "lexicon_columns": (
        "{path}:{line}：{word} 后面需要 {columns} 列，实际只有 {found} 列",
        "{path}:{line}: {word} needs {columns} column(s) after it, has {found}",
    ),
    "lexicon_twice": ("{path}:{line}：{word} 重复列出", "{path}:{line}: {word} is listed twice"),
    "yaml_syntax": ("{where}：YAML 语法错误：{reason}", "{where}: YAML syntax error: {reason}"),
    "not_utf8": ("{path}：不是 UTF-8 文本", "{path}: not UTF-8 text"),
    "curated_no_entities": ("{path}：顶层应为 'entities:' 列表", "{path}: expected a top-level 'entities:' list"),
    "curated_label_class": ("实体需要 'label' 和 'class'", "an entity needs 'label' and 'class'"),
    "curated_unknown_class": ("{label}：未知类别 {cls!r}", "{label}: unknown class {cls!r}"),
    "curated_duplicate": (
        "{label}：名称重复（首次出现在第 {line} 行）",
        "{label}: duplicate label (first at line {line})",
    ),
    "curated_same_iri": (
        "{label}：IRI {iri} 也分配给了 {other}；请给其中一个指定 'id'",
        "{label}: IRI {iri} also minted for {other}; give one an 'id'",
    ),
    "curated_wrong_class": (
        "{label}：{key} {value!r} 不是{expected}实体",
        "{label}: {key} {value!r} is not a {expected} entity",
    ),
    "curated_no_document": ("文档 {doc!r} 不在 {folder} 中", "document {doc!r} is not in {folder}"),
    "curated_not_entity": ("{end} {value!r} 不是实体名称", "{end} {value!r} is not an entity label"),
    "curated_unknown_predicate": ("未知谓词 {value!r}", "unknown predicate {value!r}"),
    "curated_not_number": ("数值 {value!r} 不是数字", "value {value!r} is not a number"),
    "curated_indicator_needs": ("指标需要 '{key}'", "indicator needs '{key}'"),
    "curated_unknown_counts": ("未知的 counts_class {value!r}", "unknown counts_class {value!r}"),
    "curated_text_not_in_evidence": ("文本 {value!r} 不在证据句中", "text {value!r} is not in the evidence"),
    "curated_no_evidence": ("缺少 'evidence'", "missing 'evidence'"),
    "curated_evidence_not_verbatim": (
        "证据句与文档原文不一致：{evidence}…",
        "evidence is not verbatim in the document: {evidence}…",
    ),
    "synth_entities": ("实体数至少为 1", "entities must be at least 1"),
    # -- errors: exports, drawings, queries, serving
    "format_one_file": ("--format {fmt} 只写一个文件，不写文件夹", "--format {fmt} writes one file, not a folder"),
    "stage_projecting": ("正在投影图谱", "projecting the graph"),
    "stage_writing": ("正在写入 {fmt}", "writing {fmt}"),
    "stage_writing_files": ("正在写入 {fmt} 文件", "writing {fmt} files"),
    "stage_extracting": ("正在抽取", "extracting"),
    "stage_writing_documents": ("正在写入", "writing"),
    "pyvis_missing": (
        "未安装 pyvis：pip install pyvis（它附带 vis-network 脚本）",
        "pyvis is not installed: pip install pyvis (it ships the vis-network script)",
    ),
    "pyvis_version": (
        "pyvis 没有附带 vis-network {version}：请重新安装 pyvis 0.3.2（{reason}）",
        "pyvis does not ship vis-network {version}: reinstall pyvis 0.3.2 ({reason})",
    ),
    "vis_unsafe": ("vis-network 资源无法安全地内嵌到页面中", "the vis-network assets cannot be inlined safely"),
    "bad_param_line": (
        "{name}.rq：参数行 {line!r} 有误；应为 {expected}",
        "{name}.rq: bad param line {line!r}; expected {expected}",
    ),
    "worker_failed": ("查询工作进程无法启动：{reason}", "a query worker could not start: {reason}"),
    "no_answer": ("没有应答", "no answer"),
    "cannot_listen": ("无法在 {host}:{port} 上监听：{reason}", "cannot listen on {host}:{port}: {reason}"),
    "synth_named_graphs": ("命名图", "named graphs"),
    "synth_quads": ("四元组", "quads"),
    # -- warnings about a store's state
    "interrupted_write": (
        "有一次写入被中断：{n} 个写了一半的图已隐藏（{graph}）；下一次写入存储时会删除它们（请重新导入）",
        "a write was interrupted: {n} graph(s) left half written are hidden ({graph}); "
        "the next write to the store removes them (run the ingest again)",
    ),
    "ontology_missing": ("本体图缺失或为空：请运行 kg build", "the ontology graph is missing or empty: run 'kg build'"),
    "registry_missing": (
        "人工整理的实体登记表缺失或为空：请运行 kg build",
        "the curated entity registry is missing or empty: run 'kg build'",
    ),
    "no_inference_stamp": ("存储没有推理标记：请运行 kg infer", "the store has no inference stamp: run 'kg infer'"),
    "inference_stale": (
        "推理结果已过期（某次载入被中断，或载入时未做推理）：请运行 kg infer",
        "the inference is stale (a load was interrupted or ran without inference): run 'kg infer'",
    ),
    "ontology_changed": (
        "计算推理之后本体已改变：请运行 kg infer",
        "the ontology changed since the inference was computed: run 'kg infer'",
    ),
    "names_too_long": (
        "kg: {n} 个已知名称超过 {limit} 个字符，匹配文本时跳过",
        "kg: {n} known name(s) longer than {limit} characters skipped for matching in text",
    ),
    # -- kg ontology (outline) and kg extract --eval (scores)
    "outline_classes": ("类别", "classes"),
    "outline_relations": ("关系（定义域 → 值域）", "relations (domain → range)"),
    "eval_documents": (
        "文档（地名录：全部人工整理的名称，只有该文档自己提到的除外）",
        "documents (gazetteer: every curated name except those only the document itself mentions)",
    ),
    "eval_document": (
        "{doc}：实体 F1 {entities}，关系 F1 {relations}，指标 F1 {indicators}（地名录 {names} 个名称）",
        "{doc}: entities F1 {entities}, relations F1 {relations}, indicators F1 {indicators} (gazetteer {names} names)",
    ),
    "eval_columns": ("正确 预测 金标", "ok pred gold"),
    "eval_entities": ("实体（类别计上位类）", "entities (class up to hierarchy)"),
    "eval_entities_exact": ("实体（类别完全一致）", "entities (exact class)"),
    "eval_entities_untyped": ("实体（只看名称）", "entities (name only)"),
    "eval_relations": ("关系（谓词计上位关系）", "relations (predicate or a super-property)"),
    "eval_relations_exact": ("关系（谓词完全一致）", "relations (exact predicate)"),
    "eval_indicators": ("指标", "indicators"),
    "eval_indicators_unowned": ("指标（只看数值和单位）", "indicators (value and unit only)"),
    "eval_organisations": ("机构（学校 … 平台）", "organisations (schools … platforms)"),
    "eval_organisation_relations": ("机构之间的关系", "relations between organisations"),
    "eval_per_class": ("各类别的实体（类别完全一致）", "entities per class (exact class)"),
    "eval_per_kind": ("各种类的关系", "relations per kind"),
    "eval_per_measure": (
        "各度量的指标（按金标的度量；未匹配的预测按其自身的度量）",
        "indicators per measure (the gold's measure; unmatched predictions under their own)",
    ),
    "eval_missed_entity": ("漏抽实体：", "missed entity: "),
    "eval_spurious_entity": ("误抽实体：", "spurious entity: "),
    "eval_missed_relation": ("漏抽关系：", "missed relation: "),
    "eval_spurious_relation": ("误抽关系：", "spurious relation: "),
    "eval_missed_indicator": ("漏抽指标：", "missed indicator: "),
    "eval_spurious_indicator": ("误抽指标：", "spurious indicator: "),
    # -- kg serve's plain-text answers (in the language the request asks for: ?lang=, cookie, Accept-Language)
    "host_header": (
        "请求的 Host 头必须是本服务器的地址",
        "requests must name this server's address in the Host header",
    ),
    "update_needs_post": ("SPARQL 更新需要用 POST", "SPARQL Update needs POST"),
    "not_acceptable": (
        "无法按要求的格式应答；请用 format= 选择 {offered}（或在 Accept 中给出其一）",
        "cannot answer as asked; choose format= {offered} (or Accept: one of them)",
    ),
    "not_acceptable_kind": (
        "无法按要求的格式应答 {kind} 查询；可用：{offered}",
        "cannot answer a {kind} query as requested; available: {offered}",
    ),
    "endpoint_not_found": ("没有这个地址；SPARQL 端点是 /sparql", "not found; the SPARQL endpoint is /sparql"),
    "plain_not_found": ("没有这个地址", "not found"),
    "bad_content_length": ("Content-Length 无效", "bad Content-Length"),
    "body_too_big": ("请求体超过 {mib} MiB", "request body over {mib} MiB"),
    "body_not_utf8": ("请求体不是 UTF-8", "the request body is not UTF-8"),
    "form_without_query": (
        "表单中既没有 query 也没有 update 参数",
        "the form has neither a query nor an update parameter",
    ),
    "unsupported_media": (
        "请 POST application/sparql-query、application/sparql-update 或表单",
        "POST application/sparql-query, application/sparql-update or a form",
    ),
    "server_read_only": (
        "本服务器只读（用 kg serve --allow-update 启动才能修改）",
        "this server is read-only (start kg serve --allow-update)",
    ),
    "endpoint_read_only_update": (
        "此端点只读，拒绝 SPARQL 更新（用 kg serve --allow-update 启动才能修改）",
        "this endpoint is read-only: SPARQL Update is refused (start kg serve --allow-update)",
    ),
    "changes_other_origin": ("拒绝来自其他来源的修改", "changes from another origin are refused"),
    "needs_token": (
        "修改图谱需要 kg serve 启动时打印的带令牌链接",
        "changing the graph needs the link with the token that kg serve printed at start",
    ),
    "text_too_long": ("文本太长，超出一篇新闻稿的上限", "the text is too long for one press release"),
    "unknown_action": ("未知操作", "unknown action"),
    "updates_other_origin": (
        "拒绝来自其他来源（{origin}）的更新",
        "updates from another origin ({origin}) are refused",
    ),
    "update_failed": ("更新失败：{reason}", "update failed: {reason}"),
    "internal_error": ("内部错误：{kind}：{reason}", "internal error: {kind}: {reason}"),
    "unknown_job": ("未知任务 {op}", "unknown job {op}"),
    "busy_waiting": (
        "服务器繁忙：{n} 个请求正在等待；请稍后再试",
        "the server is busy: {n} requests are waiting; try again",
    ),
    "busy_no_worker": (
        "服务器繁忙：{seconds} 秒内没有空闲的工作进程；请稍后再试",
        "the server is busy: no worker was free within {seconds} s; try again",
    ),
    "worker_died": ("工作进程意外退出，已重新启动", "the worker process died; it has been replaced"),
    "busy_long": (
        "所有工作进程都在执行耗时的查询，此{what}超过了 {seconds} 秒；请稍后再试",
        "every worker is busy with long queries and this {what} ran over {seconds} s; try again",
    ),
    "over_time": (
        "此{what}超过了 {seconds} 秒的时限，已被停止",
        "the {what} ran over the {seconds} s time limit and was stopped",
    ),
    # -- the graph page (kg viz, and the website's drawings)
    "viz_panel": ("图例、筛选与搜索", "Legend, filters and search"),
    "viz_counts": ("{nodes} 个节点 · {edges} 条关系", "{nodes} nodes · {edges} relations"),
    "viz_counts_shown": (
        "显示 {nodes} / {all_nodes} 个节点 · {edges} / {all_edges} 条关系",
        "showing {nodes} of {all_nodes} nodes · {edges} of {all_edges} relations",
    ),
    "viz_search_placeholder": ("搜索名称、别名或拼音…", "Search names, aliases or pinyin…"),
    "viz_search_label": ("搜索节点", "Search nodes"),
    "viz_results_label": ("搜索结果", "Search results"),
    "viz_colour": ("颜色", "Colour"),
    "viz_all": ("全选", "All"),
    "viz_none": ("全不选", "None"),
    "viz_hide_isolated": ("隐藏无关系的节点", "Hide nodes without relations"),
    "viz_physics": ("动态布局", "Live layout"),
    "viz_fit": ("适应窗口", "Fit to window"),
    "viz_help": (
        "悬停查看详情；点击节点或关系查看证据；滚轮缩放，拖动平移。",
        "Hover for details; click a node or relation for its evidence; scroll to zoom, drag to pan.",
    ),
    "viz_toggle": ("显示/隐藏侧栏", "Show or hide the panel"),
    "viz_graph": ("知识图谱", "Knowledge graph"),
    "viz_drawing": ("正在绘制图谱…", "Drawing the graph…"),
    "viz_noscript": ("显示图谱需要启用 JavaScript。", "The graph needs JavaScript."),
    "viz_relation": ("关系", "Relation"),
    "viz_relation_count": ("{degree} 条（发出 {out}，指向 {in}）", "{degree} ({out} outgoing, {in} incoming)"),
    "viz_neighbours": ("相连实体", "Linked entities"),
    "viz_close": ("关闭", "Close"),
    "viz_no_match": ("没有匹配的节点", "No matching node"),
    "viz_hidden": ("已被筛选隐藏", "hidden by a filter"),
    "viz_empty": ("没有符合条件的节点", "No node matches"),
    "viz_layout_progress": ("正在布局… {percent}%", "Laying out… {percent}%"),
    "viz_with_id": ("{title}（{id}）", "{title} ({id})"),
    "viz_list_separator": ("、", ", "),
    "viz_place_separator": ("，", ", "),
    "viz_no_district": ("未注明区县", "district not stated"),
    "viz_community": ("社群 {id}：{label}", "Community {id}: {label}"),
    "viz_other_communities": ("其他社群或孤立节点", "Other communities or isolated nodes"),
    "viz_colour_community": ("颜色：社群（Louvain）", "Colour: community (Louvain)"),
    "viz_colour_district": ("颜色：区县", "Colour: district"),
    "viz_focus": ("{focus}（{hops} 跳）", "{focus} ({hops} hops)"),
    "viz_first_nodes": ("前 {n} 个节点", "first {n} nodes"),
    "footer": (
        "kg · 数据来自公开新闻与人工整理；每条关系都附有原文证据。",
        "kg · data from public news and curation; every relation keeps its evidence sentence.",
    ),
}


# click (the command-line library) words its usage errors through gettext, keyed by its English
# text (the msgid): here are the ones people meet, in Chinese.  ``kg.cli`` routes click's gettext
# through :func:`click_gettext`, so an unknown option or a bad --format value is reported in the
# chosen language like every other message.
CLICK: dict[str, str] = {
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such option: {name}": "没有选项：{name}",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Did you mean {possibility}?": "是否要找 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否要找：{possibilities}？）",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少命令。",
    "Choose from:\n\t{choices}": "可选值：{choices}",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值之一：{choices}。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的数值。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的布尔值；可用：{states}",
    # ({name}, "File" or "Directory", is fixed when the option is declared: the Chinese does without it)
    "{name} {filename!r} does not exist.": "{filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{filename!r} 是文件，不是文件夹。",
    "{name} {filename!r} is a directory.": "{filename!r} 是文件夹，不是文件。",
    "{name} {filename!r} is not readable.": "{filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{filename!r} 不可写。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    # -- the words of --help
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必需",
}


def click_gettext(message: str) -> str:
    """click's ``message`` in the current language (its own English when there is no Chinese for it)."""
    return CLICK.get(message, message) if current_language() == "zh" else message


def click_ngettext(singular: str, plural: str, n: int) -> str:
    """The plural-aware form of :func:`click_gettext`."""
    return click_gettext(singular if n == 1 else plural)


# The command line's help: key → (Chinese, English).  A command's key is its path ("kg docs remove"), an
# option's is the command's key and the option ("kg export --out"), or the option alone when it means the same
# everywhere ("--store").  ``kg.cli`` looks them up while it formats --help, so the help follows kg --lang.
# {rdf}, {graph}, {tables} and {query} stand for the format names of kg.store.formats.  In a command's text a
# paragraph after a line holding only \b keeps its lines as written (click's convention).
HELP: dict[str, tuple[str, str]] = {
    # -- options shared by many commands
    "--help": ("显示此帮助并退出。", "Show this message and exit."),
    "--version": ("显示版本并退出。", "Show the version and exit."),
    "--store": (
        "存储所在文件夹 [环境变量 KG_STORE；默认 .kg/store]。",
        "Store directory [env KG_STORE; default .kg/store].",
    ),
    "--endpoint": (
        "改用此 SPARQL 1.1 端点（查询网址）而不是本地存储 [环境变量 KG_ENDPOINT]。",
        "SPARQL 1.1 endpoint (query URL) to use instead of the store [env KG_ENDPOINT].",
    ),
    "--update-endpoint": (
        "--endpoint 的 SPARQL 更新网址，与查询网址不同时给出（Oxigraph 的 /update 会自动找到）"
        "[环境变量 KG_UPDATE_ENDPOINT]。",
        "SPARQL Update URL of --endpoint when it differs (Oxigraph's /update is found) [env KG_UPDATE_ENDPOINT].",
    ),
    "--timeout": (
        "每次调用 --endpoint 总共可用的秒数 [环境变量 KG_TIMEOUT；默认 60]。",
        "Seconds each call to --endpoint may take in all [env KG_TIMEOUT; default 60].",
    ),
    "--wait": (
        "另一个 kg 进程正在写存储时等待的秒数 [默认：0，立即失败]。",
        "Seconds to wait for another kg process writing to the store [default: 0, fail at once].",
    ),
    "--format": ("text 供人阅读，json 供程序使用。", "text for people, json for programs."),
    "--out": ("输出文件，- 表示标准输出。", "Output file, - for stdout."),
    "--encoding": ("输入编码（默认：UTF-8，否则 GB18030）。", "Input encoding (default: UTF-8, else GB18030)."),
    "--class": ("保留此类别及其子类的实体。", "Keep entities of this class and its subclasses."),
    "--district": ("保留此区县的实体。", "Keep entities of this district."),
    "--relation": ("保留此种关系（英文名或中文名）。", "Keep relations of this kind (name or 中文)."),
    "--focus": ("保留与此实体相距 --hops 条关系以内的实体。", "Keep the entities within --hops relations of this one."),
    "--hops": ("--focus 的半径 [默认：1]。", "Radius of --focus [default: 1]."),
    "--max-bytes": (
        "可读取的最大输入文件字节数（默认 16 MiB）；超过即报错，不写入任何内容。",
        "Largest input file to read, in bytes (default 16 MiB); a larger file is an error, nothing is written.",
    ),
    "--publisher": (
        "这些新闻的发布机构：文中的“我校”“本校”“我院”指它（默认：文中提到的第一所学校或高校）。",
        "The organisation whose news the files are: 我校 / 本校 / 我院 refer to it "
        "(default: the first school or college the text names).",
    ),
    # -- kg
    "kg": (
        "kg：教育与城市联系（城教共生）的知识图谱。\n\n"
        "从 `kg build` 开始：它把自带的文章构建进存储（.kg/store，或用 --store / KG_STORE 指定），"
        "并列出其中的内容。",
        "kg: a knowledge graph of the links between education and the city (城教共生).\n\n"
        "Start with `kg build`, which builds the bundled articles into the store "
        "(.kg/store, or --store / KG_STORE) and prints what it holds.",
    ),
    "kg --lang": (
        "消息、报告及类别与关系名称所用的语言 [环境变量 KG_LANG]。",
        "Language of messages, reports, class and relation names [env KG_LANG].",
    ),
    # -- kg build, kg stats
    "kg build": (
        "构建图谱：本体、人工整理的实体与关系、来源文档。\n\n"
        "先校验人工整理的数据（出错时指明文件和行，存储不变），再物化 RDFS 闭包，"
        "并按类别列出实体、按种类列出关系，以及文档。重复构建得到相同的三元组；用其他命令添加的文档会保留。",
        "Build the graph: ontology, curated entities and relations, source documents.\n\n"
        "Validates the curated data first (a problem names its file and line and leaves the store untouched), "
        "materialises the RDFS closure, and prints entities per class, relations per kind and documents. "
        "Building again gives the same triples; documents added with other commands are kept.",
    ),
    "kg build --data": (
        "含 documents/ 和 curated/ 的数据文件夹 [默认：自带的 data/]。",
        "Data folder with documents/ and curated/ [default: the bundled data/].",
    ),
    "kg stats": (
        "列出存储中的内容：各类别的实体、各种类的关系、文档。",
        "Print what the store holds: entities per class, relations per kind, documents.",
    ),
    # -- kg export
    "kg export": (
        "导出图谱，供已有的工具使用。\n\n"
        "\b\n"
        "kg export --format turtle --out kg.ttl        全部三元组（本体、实体、文档、推理结果）\n"
        "kg export --format trig --out kg.trig         同上，保留命名图\n"
        "kg export --format gexf --out kg.gexf         供 Gephi 使用的实体图：名称、类别、颜色\n"
        "kg export --format graphml --district 巴南区 --out banan.graphml\n"
        "kg export --format csv --out tables/ --excel  nodes.csv、edges.csv、indicators.csv\n"
        "kg export --format neo4j --out neo4j/         neo4j-admin 导入文件及 import.sh\n\n"
        "--class、--district、--relation 和 --focus/--hops（与 kg viz 相同）选出子集：图格式保留子集中的实体和关系；"
        "RDF 格式保留本体、关于这些实体的三元组及其关系、断言、指标和来源文档。",
        "Export the graph for the tools you already have.\n\n"
        "\b\n"
        "kg export --format turtle --out kg.ttl        every triple (ontology, entities, documents, inferred)\n"
        "kg export --format trig --out kg.trig         the same, named graphs kept\n"
        "kg export --format gexf --out kg.gexf         entity graph for Gephi: labels, classes, colours\n"
        "kg export --format graphml --district 巴南区 --out banan.graphml\n"
        "kg export --format csv --out tables/ --excel  nodes.csv, edges.csv, indicators.csv\n"
        "kg export --format neo4j --out neo4j/         neo4j-admin import files and import.sh\n\n"
        "--class, --district, --relation and --focus/--hops (shared with kg viz) select a subset: graph formats "
        "keep its entities and relations; RDF formats keep the ontology, the triples about those entities and "
        "their relations, assertions, indicators and source documents.",
    ),
    "kg export --format": (
        "RDF：{rdf}（trig 和 n-quads 保留命名图）；图：{graph}；表格：{tables}（写入一个文件夹）。",
        "RDF: {rdf} (trig and n-quads keep the named graphs); graph: {graph}; tables: {tables} (a folder).",
    ),
    "kg export --out": (
        "输出文件，- 表示标准输出；csv 和 neo4j 为文件夹。",
        "Output file, - for stdout; a folder for csv and neo4j.",
    ),
    "kg export --excel": (
        "csv：每个文件以 UTF-8 字节顺序标记开头，便于 Excel 打开。",
        "csv: start each file with a UTF-8 byte-order mark, for Excel.",
    ),
    # -- kg clean
    "kg clean": (
        "修复报纸原始文本的版式，并拆分为文章。\n\n"
        "接上因分栏断开的行，恢复段落和小标题，把排到正文后面的标题、署名和图片说明移入元数据。",
        "Repair the layout of raw newspaper text and split it into articles.\n\n"
        "Joins lines broken by columns, restores paragraphs and headings, and moves headlines, bylines and "
        "captions displaced after the text into metadata.",
    ),
    "kg clean --out": ("写入 <id>.txt 和 <id>.meta.json 的文件夹。", "Folder for <id>.txt and <id>.meta.json."),
    # -- kg analyze
    "kg analyze": (
        "分析图谱：枢纽、中介、社群、核心、数据缺口及区县指标。\n\n"
        "\b\n"
        "kg analyze                          全图，以及每个区县的指标\n"
        "kg analyze --district 巴南区         一个区县及其合作方，详细\n"
        "kg analyze --compare 巴南区 大足区    并列比较指标\n"
        "kg analyze --format html --out report.html",
        "Analyse the graph: hubs, brokers, communities, cores, data gaps, and district indicators.\n\n"
        "\b\n"
        "kg analyze                          whole graph, every district's indicators\n"
        "kg analyze --district 巴南区         one district and its partners, in detail\n"
        "kg analyze --compare 巴南区 大足区    indicators side by side\n"
        "kg analyze --format html --out report.html",
    ),
    "kg analyze --compare": ("并列比较作为参数给出的区县。", "Compare the districts given as arguments side by side."),
    "kg analyze --district": (
        "只分析一个区县：其实体及它们的直接合作方。",
        "Analyse one district: its entities and their direct partners.",
    ),
    "kg analyze --class": (
        "保留此类别及其子类的实体；可重复。",
        "Keep entities of this class and its subclasses; repeatable.",
    ),
    "kg analyze --relation": ("保留此种关系；可重复。", "Keep relations of this kind; repeatable."),
    "kg analyze --communities": (
        "社群发现方法；leiden 需要 igraph 和 leidenalg，auto 在已安装时使用它们。",
        "Community detection; leiden needs igraph and leidenalg, auto uses them when installed.",
    ),
    "kg analyze --seed": ("社群发现的随机种子。", "Random seed of community detection."),
    "kg analyze --top": ("排名表的行数。", "Rows in the rankings."),
    "kg analyze --format": (
        "输出格式 [默认：按 --out 的后缀，否则 text]。",
        "Output format [default: from the --out suffix, else text].",
    ),
    "kg analyze --write-back": (
        "把中心性和社群以 RDF 存入分析图。",
        "Store centrality and communities as RDF in the analysis graph.",
    ),
    # -- kg path
    "kg path": (
        "说明两个实体如何关联：最短的关系链，附证据。\n\n"
        "SOURCE 和 TARGET 是名称、别名或 IRI（kg path 巴南职教中心 长安）。",
        "Explain how two entities are connected: the shortest chains of relations, with evidence.\n\n"
        "SOURCE and TARGET are labels, aliases or IRIs (kg path 巴南职教中心 长安).",
    ),
    "kg path --limit": ("最多列出的路径数。", "At most this many paths."),
    # -- kg validate
    "kg validate": (
        "按 SHACL 形状（ontology/shapes.ttl）检查图谱；有违规时退出码为 1。\n\n"
        "规则：每个实体有中文名称和唯一的最具体类别；关系两端的类别符合本体的定义域和值域；"
        "每条关系都有带证据句和来源文档的断言；每个指标都有数值、单位和计数对象。"
        "每处违规一行（实体、规则、值、说明），最后是汇总；--format json 供程序使用。"
        "用 --data 给出的文件会与自带的本体及其 RDFS 闭包一起检查。",
        "Check the graph against the SHACL shapes in ontology/shapes.ttl; exit 1 on violations.\n\n"
        "The rules: every entity has a Chinese label and exactly one most specific class; relation ends have the "
        "classes the ontology's domain and range require; every relation has an assertion with its evidence "
        "sentence and source document; every indicator has a value, a unit and what it counts. One line per "
        "violation (entity, rule, value, message), then a summary; --format json for machines. A file given with "
        "--data is checked together with the bundled ontology and its RDFS closure.",
    ),
    "kg validate --data": (
        "检查此 RDF 文件而不是存储（.ttl、.nt、.nq、.trig、.jsonld、.rdf）。",
        "Validate this RDF file instead of the store (.ttl, .nt, .nq, .trig, .jsonld, .rdf).",
    ),
    "kg validate --lang": ("违规说明的语言 [默认：同 kg --lang]。", "Language of messages [default: kg --lang]."),
    # -- kg ontology
    "kg ontology": (
        "显示本体：类别层级和关系；--doc OUT.html 写出其说明文档。\n\n"
        "该页面自成一体（不加载远程脚本、样式或字体）：每个类别、关系和属性的中英文名称与注释、"
        "定义域、值域、对应的 schema.org / ORG / PROV 术语，以及校验规则。",
        "Show the ontology: class hierarchy and relations; --doc OUT.html writes its documentation.\n\n"
        "The page is self-contained (no remote script, style or font): every class, relation and property with "
        "Chinese and English labels and comments, domains, ranges, equivalent schema.org / ORG / PROV terms, "
        "and the validation rules.",
    ),
    "kg ontology --doc": (
        "把本体的中英双语 HTML 文档写入此文件。",
        "Write the bilingual HTML documentation of the ontology to this file.",
    ),
    # -- kg viz
    "kg viz": (
        "把交互式关系图写成一个离线可用、自成一体的 HTML 文件。\n\n"
        "节点按类别着色并区分形状（有图例），按度数或中心性决定大小；悬停显示详情，点击显示证据；"
        "可按类别、区县和关系筛选，按名称、别名或拼音搜索。\n\n"
        "\b\n"
        "kg viz --out graph.html\n"
        "kg viz --out ego.html --focus 重庆理工大学 --hops 2\n"
        "kg viz --out banan.html --district 巴南区 --color-by community --png banan.png",
        "Write an interactive graph as ONE self-contained HTML file that works offline.\n\n"
        "Nodes are coloured and shaped by class (legend), sized by degree or centrality; hover shows details, "
        "click shows evidence; filter by class, district and relation, and search by name, alias or pinyin.\n\n"
        "\b\n"
        "kg viz --out graph.html\n"
        "kg viz --out ego.html --focus 重庆理工大学 --hops 2\n"
        "kg viz --out banan.html --district 巴南区 --color-by community --png banan.png",
    ),
    "kg viz --out": ("要写入的 HTML 文件。", "HTML file to write."),
    "kg viz --max-nodes": ("最多保留的节点数（取联系最多者）。", "Keep only this many best-connected nodes."),
    "kg viz --color-by": (
        "节点颜色：类别、社群（Louvain）或区县。",
        "Node colour: class, community (Louvain) or district.",
    ),
    "kg viz --size-by": ("节点大小：不同邻居数或某种中心性。", "Node size: distinct neighbours or a centrality."),
    "kg viz --layout": (
        "physics：在浏览器中收敛后停止；static：由 Python 计算；auto：超过 300 个节点时用 static。",
        "physics: settles in the browser, then stops; static: computed in Python; auto: static above 300 nodes.",
    ),
    "kg viz --edge-labels": (
        "在边上显示关系名称 [默认：不超过 400 条边时显示]。",
        "Relation names on edges [default: up to 400].",
    ),
    "kg viz --title": (
        "页面标题 [默认：城教共生知识图谱及子集说明]。",
        "Page title [default: 城教共生知识图谱 and the subset].",
    ),
    "kg viz --seed": ("布局和社群的随机种子。", "Seed of layout and communities."),
    "kg viz --png": (
        "另存一张绘制好的关系图截图（无界面 Chromium）。",
        "Also save a screenshot of the drawn graph (headless Chromium).",
    ),
    "kg viz --png-size": ("窗口尺寸 宽x高。", "Window WIDTHxHEIGHT."),
    # -- kg extract, kg ingest
    "kg extract": (
        "从中文文本中抽取实体、关系和指标，输出为 RDF。\n\n"
        "每个 FILE 都像种子文档一样清理并拆分为文章；每个事实都保留其文档、证据句、位置和规则。"
        "`kg extract --eval data` 以人工整理的图谱为准给抽取打分。",
        "Extract entities, relations and indicators from Chinese text as RDF.\n\n"
        "Each FILE is cleaned like the seed documents and split into articles; every fact keeps its document, "
        "evidence sentence, offsets and rule. `kg extract --eval data` scores extraction against the curated graph.",
    ),
    "kg extract --format": (
        "turtle：一个图；trig：每篇文档一个图；jsonl：每个事实一条 JSON 记录。",
        "turtle: one graph; trig: a graph per document; jsonl: one JSON record per fact.",
    ),
    "kg extract --eval": (
        "不给 FILE，而是抽取金标准文件夹（结构同 data/）中的文档，并输出精确率/召回率/F1。",
        "Instead of FILEs: extract the documents of a gold folder (layout of data/) and print P/R/F1.",
    ),
    "kg extract --details": (
        "与 --eval 同用：同时列出漏抽和误抽的事实。",
        "With --eval: also list missed and spurious facts.",
    ),
    "kg extract --min-confidence": (
        "没有任何事实用到的实体，只有模型给出的概率不低于 P 才输出（默认为模型自带的阈值；0 保留全部）。",
        "Describe an entity no fact uses only where the model's probability reaches P "
        "(default: the model's own threshold; 0 keeps every one).",
    ),
    "kg ingest --min-confidence": (
        "没有任何事实用到的实体，只有模型给出的概率不低于 P 才写入（默认为模型自带的阈值；0 保留全部）。",
        "Write an entity no fact uses only where the model's probability reaches P "
        "(default: the model's own threshold; 0 keeps every one).",
    ),
    "kg ingest --confidence-model": (
        "用 kg extract --fit-confidence 拟合的模型文件代替自带的模型。",
        "Use a model file written by kg extract --fit-confidence instead of the bundled one.",
    ),
    "kg extract --confidence-model": (
        "用 --fit-confidence 拟合的模型文件代替自带的模型。",
        "Use a model file written by --fit-confidence instead of the bundled one.",
    ),
    "kg extract --fit-confidence": (
        "在人工标注的文件夹（结构同 data/，可多次给出）上拟合置信度模型，写入 --out（需要 scikit-learn）。",
        "Fit the confidence model on annotated folders (layout of data/; repeatable) and write it to --out "
        "(needs scikit-learn).",
    ),
    "kg ingest": (
        "抽取 FILE（及文件夹下的 *.txt），每篇文章以独立的图加入存储。\n\n"
        "再次导入同一文档会替换其旧版本；任何一个文件有问题，导入都会在改动存储之前停止。"
        "抽取在 -j 个工作进程或 Dask 集群（--scheduler）上进行；每 100 篇文档写入一批，"
        "每批附带其新增内容的推理结果。超过一个块（50,000 字）的文本在本进程中逐块读取和写入；"
        "写完之前任何查询都看不到它。另见 `kg docs`。",
        "Extract FILEs (and every *.txt under each folder) and add each article to the store in its own graph.\n\n"
        "Ingesting a document again replaces its previous version; a bad file anywhere stops the ingest before "
        "the store is touched. Extraction runs in -j worker processes or on a Dask cluster (--scheduler); writes "
        "go in batches of 100 documents, each with the inference of what it adds. A text longer than one block "
        "(50,000 characters) is read and written block by block in this process; no query sees it before it is "
        "complete. See `kg docs`.",
    ),
    "kg ingest --jobs": ("抽取所用的工作进程数。", "Extract in this many worker processes."),
    "kg ingest --scheduler": (
        "在此 Dask distributed 集群上抽取（pip install 'kg-cityedu[dask]'）；由本进程写入。",
        "Extract on this Dask distributed cluster (pip install 'kg-cityedu[dask]'); this process writes.",
    ),
    # -- kg docs, kg entities
    "kg docs": (
        "列出存储中的文档（`kg docs`），或删除一篇（`kg docs remove ID`）。",
        "List the documents of the store (`kg docs`), or remove one (`kg docs remove ID`).",
    ),
    "kg docs remove": (
        "删除一篇导入的文档（编号或 IRI）及其事实；其他图也描述的实体保留。",
        "Remove an ingested document (id or IRI) and its facts; entities other graphs describe stay.",
    ),
    "kg entities": (
        "跨文档实体合并：列出合并、撤销合并（unmerge A B）、报告疑似重复。",
        "Cross-document identity: list the merges, undo one (unmerge A B), report likely duplicates.",
    ),
    "kg entities merges": (
        "列出合并：同一机构或地点的两个名称，以及合并它们的规则。",
        "List the merges: two names of one organisation or place, and the rule that merged them.",
    ),
    "kg entities unmerge": (
        "撤销 A 与 B（名称、别名或 IRI）的合并；规则不会再合并它们。",
        "Undo the merge of A and B (labels, aliases or IRIs); the rules will not merge them again.",
    ),
    "kg entities duplicates": (
        "报告未合并的疑似重复：名称相近或拼音相同、类别相容的机构。",
        "Report likely duplicates not merged: compatible organisations with similar names or the same pinyin.",
    ),
    # -- kg query
    "kg query": (
        "运行 SPARQL 查询：内置查询名、.rq 文件、-（标准输入）或查询文本。\n\n"
        "查询看到的是所有图的并集；已预先声明前缀 kg、kgr、doc、rdf、rdfs、owl、xsd、skos、schema、org 和 prov。"
        "SELECT 和 ASK 在终端上输出对齐的表格，或输出 csv、tsv、json、xml（SPARQL 1.1 结果格式）或 jsonl；"
        "CONSTRUCT 和 DESCRIBE 输出 RDF。语法错误会给出行号和列号，退出码为 2。"
        "`kg query --list` 列出内置查询，例如 `kg query school-partners -p district=大足区`。",
        "Run a SPARQL query: a bundled query's name, a .rq file, - (stdin) or the query text.\n\n"
        "Queries see the union of all graphs; the prefixes kg, kgr, doc, rdf, rdfs, owl, xsd, skos, schema, org "
        "and prov are predeclared. SELECT and ASK print an aligned table on a terminal, or csv, tsv, json, xml "
        "(the SPARQL 1.1 results formats) or jsonl; CONSTRUCT and DESCRIBE print RDF. A syntax error prints its "
        "line and column and exits with 2. `kg query --list` shows the bundled queries, e.g. "
        "`kg query school-partners -p district=大足区`.",
    ),
    "kg query --list": ("列出内置查询后退出。", "List the bundled queries and exit."),
    "kg query --param": (
        "绑定变量：内置查询的参数（实体的名称、别名或 IRI），或你的查询中任一投影变量"
        "（<iri>、前缀:名称、数字或文本）。可重复。",
        "Bind a variable: a bundled query's parameter (an entity's name, alias or IRI), or any projected variable "
        "of your query (<iri>, prefix:name, number or text). Repeatable.",
    ),
    "kg query --format": (
        "输出格式：{query} [默认：终端上为 table，管道中为 tsv；CONSTRUCT/DESCRIBE 为 turtle]。",
        "Output format: {query} [default: table on a terminal, tsv when piped; turtle for CONSTRUCT/DESCRIBE].",
    ),
    "kg query --max-width": ("表格单元格的最大宽度；0 表示不限。", "Widest table cell; 0: no limit."),
    "kg query --show": (
        "输出绑定参数后的查询，而不运行它。",
        "Print the query, parameters bound, instead of running it.",
    ),
    # -- kg serve
    "kg serve": (
        "把存储作为网站（/）和 SPARQL 1.1 端点（/sparql）提供服务。\n\n"
        "每个实体（/id/…）、文档（/doc/…）和区县都有页面，另有搜索、实体间路径和 SPARQL 编辑器，"
        "中文为主，可切换英文；每个 IRI 向 RDF 客户端返回 Turtle、JSON-LD 或 N-Triples。"
        "端点支持 GET 和 POST 及内容协商。除非给出 --allow-update，否则只读；"
        "除非给出 --cors，否则其他网页不能读取它。",
        "Serve the store as a website (/) and a SPARQL 1.1 endpoint (/sparql).\n\n"
        "Pages for every entity (/id/…), document (/doc/…) and district, search, paths between entities and a "
        "SPARQL editor, in Chinese with an English switch; each IRI answers RDF clients with Turtle, JSON-LD or "
        "N-Triples. The endpoint speaks GET and POST with content negotiation. Read-only unless --allow-update; "
        "no other web page may read it unless --cors.",
    ),
    "kg serve --host": ("监听的地址。", "Address to listen on."),
    "kg serve --port": ("端口（0：任一空闲端口）。", "Port (0: any free)."),
    "kg serve --timeout": (
        "一个查询可运行的秒数；超时的查询会被停止，并以 HTTP 503 应答。",
        "Seconds a query may run; one over it is stopped and answered with HTTP 503.",
    ),
    "kg serve --row-limit": (
        "一个结果最多返回的行数（或三元组数）；更长的结果会被截断并标明。",
        "Most rows (or triples) a result returns; longer ones are cut and flagged.",
    ),
    "kg serve --workers": ("查询工作进程数。", "Query worker processes."),
    "kg serve --allow-update": (
        "接受 SPARQL 更新和“添加新闻稿”表单（启动时打印一个带令牌的链接）。",
        "Accept SPARQL Update and the add-a-press-release form (a link with a token is printed at start).",
    ),
    "kg serve --cors": (
        "允许此来源（或 *）的网页读取应答 [默认：不允许]。",
        "Let pages of this origin (or *) read answers [default: none].",
    ),
    "kg serve --base": (
        "以 /id/… 和 /doc/… 提供服务的 IRI 命名空间 [默认：https://w3id.org/kg-cityedu/]。",
        "IRI namespace served as /id/… and /doc/… [default: https://w3id.org/kg-cityedu/].",
    ),
    "kg serve --quiet": ("不记录每个请求。", "Do not log each request."),
    # -- kg infer, kg synth, kg load
    "kg infer": (
        "在存储内重新计算整个存储的物化 RDFS 闭包。\n\n"
        "写入操作会自动保持推理结果最新；在 `kg load --no-inference`、中断的载入之后，"
        "或 `kg stats` 提示推理已过期时运行此命令。",
        "Recompute the materialised RDFS closure of the whole store, inside the store.\n\n"
        "Writes keep the inference up to date by themselves; run this after `kg load --no-inference`, an "
        "interrupted load, or when `kg stats` says the inference is stale.",
    ),
    "kg synth": (
        "生成逼真的合成图谱或新闻稿，用于规模测试。\n\n"
        "省、市和区县；按学段的学校、高校、企业（合作方呈长尾分布）、平台、项目、活动、奖项、人物；"
        "在各文档图中带证据的关系；指标。同一种子结果相同；流式生成，"
        "10^6 个实体（约 10^7 个四元组）也只占用恒定内存。"
        "`kg synth --documents 1000 --out corpus/` 写出供 `kg ingest` 使用的文本文件。",
        "Generate a realistic synthetic graph, or press releases, for scale tests.\n\n"
        "Provinces, cities and districts; schools by level, colleges, companies (heavy-tailed partners), "
        "platforms, programs, events, awards, people; relations with evidence in per-document graphs; indicators. "
        "Deterministic for a seed; streamed, so 10^6 entities (about 10^7 quads) fit in flat memory. "
        "`kg synth --documents 1000 --out corpus/` writes text files for `kg ingest`.",
    ),
    "kg synth --entities": ("实体的大致数量。", "About this many entities."),
    "kg synth --seed": ("随机种子：相同的种子给出相同的输出。", "Random seed: the same seed gives the same output."),
    "kg synth --documents": (
        "不生成图谱，而是在 --out（一个文件夹）下写出给定篇数的类似新闻稿的文本文件。",
        "Instead of a graph: write this many press-release-like text files under --out (a folder).",
    ),
    "kg synth --format": (
        "图谱的输出格式（N-Quads；--out 以 .gz 结尾时用 gzip 压缩）。",
        "Output format of the graph (N-Quads; gzip-compressed when --out ends in .gz).",
    ),
    "kg synth --no-ontology": ("输出中不含本体图。", "Leave the ontology graph out of the output."),
    "kg synth --out": ("文件（图谱）或文件夹（--documents）。", "File (graph) or folder (--documents)."),
    "kg load": (
        "导入 RDF 文件，每个文件一个命名图，要么全部成功，要么什么都不做。\n\n"
        "任何 RDF 格式（.ttl、.nt、.nq、.trig、.rdf/.owl/.xml、.jsonld，也可为 .gz）。"
        "数据集文件保留其命名图。再次载入同一文件会替换其图。改动存储之前先解析每个文件："
        "出错时指明文件和行，存储保持原样。大文件使用批量载入器。",
        "Import RDF files, one named graph per file, all or nothing.\n\n"
        "Any RDF format (.ttl, .nt, .nq, .trig, .rdf/.owl/.xml, .jsonld, each also .gz). Dataset files keep their "
        "named graphs. Loading a file again replaces its graph. Every file is parsed before the store is touched: "
        "an error names the file and line and leaves the store as it was. Big files use the bulk loader.",
    ),
    "kg load --format": (
        "所有文件的 RDF 格式：{rdf} [默认：按扩展名]。",
        "RDF format of every file: {rdf} [default: from the extension].",
    ),
    "kg load --graph": (
        "命名图的 IRI，只用于一个文件 [默认：文件的 file:// IRI]。",
        "IRI of the named graph, for one file [default: the file's file:// IRI].",
    ),
    "kg load --no-inference": (
        "之后不刷新推理图（适用于非 kg 的大数据）。",
        "Do not refresh the inferred graph afterwards (big non-kg data).",
    ),
    "kg load --force": (
        "也替换 kg 自有的图（本体、实体、推理、文档）。",
        "Replace graphs kg owns (ontology, entities, inferred, documents) too.",
    ),
    "kg load --output": ("报告格式。", "Report format."),
}

# The placeholder words of --help (click's metavars: the type of value an option takes), in Chinese.
METAVARS: dict[str, str] = {
    "TEXT": "文本",
    "INTEGER": "整数",
    "INTEGER RANGE": "整数",
    "FLOAT": "数值",
    "FLOAT RANGE": "数值",
    "BOOLEAN": "布尔值",
    "PATH": "路径",
    "FILE": "文件",
    "DIRECTORY": "文件夹",
    "NAME": "名称",
    "NAME=VALUE": "名称=值",
    "ORIGIN": "来源",
    "URL": "网址",
    "[OPTIONS]": "[选项]",
    "COMMAND [ARGS]...": "命令 [参数]...",
}


def help_text(key: str, lang: str | None = None, **values: object) -> str | None:
    """The --help text ``key`` (see :data:`HELP`) in ``lang``, placeholders filled; None when there is none.

    >>> help_text("kg path --limit", "zh"), help_text("kg nothing")
    ('最多列出的路径数。', None)
    """
    if key not in HELP:
        return None
    template = pick(*HELP[key], lang)
    return template.format(**values) if values and "{" in template else template
