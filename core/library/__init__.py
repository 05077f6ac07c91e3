"""The asset library: libraries (folders a person adds), the catalogue of their files, their metadata and
the references between them. No Qt, no job engine; operations in ``core.operations`` use it.

Modules, by concern: ``tables`` (the catalogue's tables), ``libraries`` (adding and finding libraries),
``paths`` (library-relative paths), ``jail`` (acting inside the root through directory descriptors, never
following a link), ``values`` (typed values and the CSV header grammar), ``extract`` (front matter, HTML,
XMP), ``links`` (finding and rewriting links), ``scanner`` (walking and reading), ``catalogue`` (queries),
``fs`` (atomic writes, removing trees, the library's own trash), ``edits`` (a person's edits).
"""

from __future__ import annotations

from core.library.catalogue import (
    _ENCODER as _ENCODER,
)
from core.library.catalogue import (
    Counts,
    Entry,
    Prepared,
    Reporter,
    count_under,
    ensure_folders,
    json_dumps,
    references_into,
)
from core.library.catalogue import (
    _bp as _bp,
)
from core.library.catalogue import (
    _row as _row,
)
from core.library.edits import (
    STANDARD_FIELDS,
    Conflict,
    edit_asset,
    edits_under,
    field_name,
    merge_file,
    reapply,
    record,
    saved_under,
    typed_like,
    value_of,
    with_values,
)
from core.library.edits import (
    _file_fields as _file_fields,
)
from core.library.edits import (
    _set as _set,
)
from core.library.extract import (
    FRONT_MATTER,
    NS,
    XMP_END,
    XMP_START,
    Meta,
    extract_meta,
    find_xmp,
    meta_from_mapping,
    parse_front_matter,
    parse_xmp,
    sidecars,
)
from core.library.extract import (
    _HtmlMeta as _HtmlMeta,
)
from core.library.extract import (
    _jsonable as _jsonable,
)
from core.library.extract import (
    _yaml_loader as _yaml_loader,
)
from core.library.fs import (
    ENTRY_RE,
    ITEM,
    RECORD,
    TRASH_DIR,
    TrashError,
    read_record,
    restore,
    send_to_trash,
    sha256,
    trash_copy,
    trash_exists,
)
from core.library.fs import (
    _counter as _counter,
)
from core.library.fs import (
    _write_new as _write_new,
)
from core.library.jail import (
    DIR_FLAGS,
    NOFOLLOW,
    O_CLOEXEC,
    READ_FLAGS,
    WORKERS,
    Jail,
    JailError,
    is_utf8,
    reason_of,
    shown,
)
from core.library.jail import (
    _lexists as _lexists,
)
from core.library.libraries import (
    NAME_RE,
    LibraryInfo,
    add_library,
    get_library,
    list_libraries,
    remove_library,
)
from core.library.links import (
    _MD as _MD,
)
from core.library.links import (
    _NEEDS_QUOTE as _NEEDS_QUOTE,
)
from core.library.links import (
    _QUOTE_SAFE as _QUOTE_SAFE,
)
from core.library.links import (
    CSS_COMMENT,
    CSS_IMPORT,
    CSS_URL,
    HTML_ATTR,
    LINK_ATTRS,
    REF_DEF,
    SCHEME,
    Link,
    apply_edits,
    css_links,
    decode,
    document_kind,
    encode,
    find_links,
    html_links,
    is_external,
    link_target,
    markdown_links,
    relink,
    resolve_link,
    split_url,
)
from core.library.links import (
    _block_position as _block_position,
)
from core.library.links import (
    _HtmlLinks as _HtmlLinks,
)
from core.library.links import (
    _line_index as _line_index,
)
from core.library.links import (
    _locate as _locate,
)
from core.library.links import (
    _markdown as _markdown,
)
from core.library.links import (
    _note_inline as _note_inline,
)
from core.library.paths import (
    BATCH,
    FOLDER_TYPE,
    PART_SUFFIX,
    TMP_SUFFIX,
    PathNotAllowed,
    PathNotFound,
    Resolved,
    below,
    in_trash,
    is_under,
    normalize,
    parent_of,
    real_root,
    remap,
    resolve,
    subtree,
)
from core.library.paths import (
    _is_plain as _is_plain,
)
from core.library.scanner import (
    ScanStats,
    reindex,
    scan,
    walk,
)
from core.library.scanner import (
    _reads_content as _reads_content,
)
from core.library.scanner import (
    _scan as _scan,
)
from core.library.tables import (
    Asset,
    Library,
    MovePlan,
    MoveStep,
    Reference,
    assets_t,
    libraries_t,
    plans_t,
    refs_t,
    steps_t,
)
from core.library.values import (
    _CANON as _CANON,
)
from core.library.values import (
    _EXTRA_TYPES as _EXTRA_TYPES,
)
from core.library.values import (
    ALIASES,
    DOC_KINDS,
    HEADER_RE,
    READ_ONLY,
    STANDARD,
    TEXT_TYPES,
    TYPE_ALIASES,
    TYPES,
    Column,
    ValueError_,
    canonical_type,
    format_date,
    format_value,
    infer_type,
    join_multi,
    media_type,
    parse_value,
    split_multi,
)
from core.library.writeback import (
    _HEAD_END as _HEAD_END,
)
from core.library.writeback import (
    _HEAD_START as _HEAD_START,
)
from core.library.writeback import (
    _TITLE as _TITLE,
)
from core.library.writeback import (
    _XML_LANG as _XML_LANG,
)
from core.library.writeback import (
    SKELETON,
    STANDARD_KEYS,
    Unreadable,
    clashes,
    render,
    target_of,
    write_html,
    write_markdown,
    write_xmp,
)
from core.library.writeback import (
    _constant as _constant,
)
from core.library.writeback import (
    _insert_in_head as _insert_in_head,
)
from core.library.writeback import (
    _keep_tags as _keep_tags,
)
from core.library.writeback import (
    _meta_tag as _meta_tag,
)
from core.library.writeback import (
    _value as _value,
)
from core.store.schema import utcnow

__all__ = [
    "ALIASES",
    "BATCH",
    "CSS_COMMENT",
    "CSS_IMPORT",
    "CSS_URL",
    "DIR_FLAGS",
    "DOC_KINDS",
    "ENTRY_RE",
    "FOLDER_TYPE",
    "FRONT_MATTER",
    "HEADER_RE",
    "HTML_ATTR",
    "ITEM",
    "LINK_ATTRS",
    "NAME_RE",
    "NOFOLLOW",
    "NS",
    "O_CLOEXEC",
    "PART_SUFFIX",
    "READ_FLAGS",
    "READ_ONLY",
    "RECORD",
    "REF_DEF",
    "SCHEME",
    "SKELETON",
    "STANDARD",
    "STANDARD_FIELDS",
    "STANDARD_KEYS",
    "TEXT_TYPES",
    "TMP_SUFFIX",
    "TRASH_DIR",
    "TYPES",
    "TYPE_ALIASES",
    "WORKERS",
    "XMP_END",
    "XMP_START",
    "Asset",
    "Column",
    "Conflict",
    "Counts",
    "Entry",
    "Jail",
    "JailError",
    "Library",
    "LibraryInfo",
    "Link",
    "Meta",
    "MovePlan",
    "MoveStep",
    "PathNotAllowed",
    "PathNotFound",
    "Prepared",
    "Reference",
    "Reporter",
    "Resolved",
    "ScanStats",
    "TrashError",
    "Unreadable",
    "ValueError_",
    "add_library",
    "apply_edits",
    "assets_t",
    "below",
    "canonical_type",
    "clashes",
    "count_under",
    "css_links",
    "decode",
    "document_kind",
    "edit_asset",
    "edits_under",
    "encode",
    "ensure_folders",
    "extract_meta",
    "field_name",
    "find_links",
    "find_xmp",
    "format_date",
    "format_value",
    "get_library",
    "html_links",
    "in_trash",
    "infer_type",
    "is_external",
    "is_under",
    "is_utf8",
    "join_multi",
    "json_dumps",
    "libraries_t",
    "link_target",
    "list_libraries",
    "markdown_links",
    "media_type",
    "merge_file",
    "meta_from_mapping",
    "normalize",
    "parent_of",
    "parse_front_matter",
    "parse_value",
    "parse_xmp",
    "plans_t",
    "read_record",
    "real_root",
    "reapply",
    "reason_of",
    "record",
    "references_into",
    "refs_t",
    "reindex",
    "relink",
    "remap",
    "remove_library",
    "render",
    "resolve",
    "resolve_link",
    "restore",
    "saved_under",
    "scan",
    "send_to_trash",
    "sha256",
    "shown",
    "sidecars",
    "split_multi",
    "split_url",
    "steps_t",
    "subtree",
    "target_of",
    "trash_copy",
    "trash_exists",
    "typed_like",
    "utcnow",
    "value_of",
    "walk",
    "with_values",
    "write_html",
    "write_markdown",
    "write_xmp",
]
