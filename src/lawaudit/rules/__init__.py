"""Stage 3: the rule registry, one module per rule, read like a table of contents.

IDs come in blocks of a hundred so that prefix selection means something: LA1xx totals and
breakdowns, LA2xx rates and shares, LA3xx changes, LA4xx cross-claim consistency, LA9xx
extraction notices. An ID is never reused.
"""

from __future__ import annotations

from lawaudit.rules import (
    breakdown_sum,
    capped_rate,
    change_mismatch,
    completion,
    listed_count,
    parts_exceed_total,
    points_mismatch,
    rate_granularity,
    rate_mismatch,
    repeated_figure,
    report_period,
    shares_base,
    shares_sum,
    suppression_without_reason,
    unused_suppression,
    xxgk_balance,
    xxgk_carry_over,
    xxgk_column_sum,
    xxgk_in_force,
    xxgk_narrative,
    xxgk_review_sum,
    xxgk_row_sum,
    xxgk_unaligned,
)

ALL_RULES = (
    parts_exceed_total,  # LA101
    breakdown_sum,  # LA102
    listed_count,  # LA103
    xxgk_row_sum,  # LA111
    xxgk_column_sum,  # LA112
    xxgk_balance,  # LA113
    xxgk_review_sum,  # LA114
    rate_mismatch,  # LA201
    completion,  # LA202
    rate_granularity,  # LA203
    capped_rate,  # LA204
    shares_sum,  # LA205
    shares_base,  # LA206
    change_mismatch,  # LA301
    points_mismatch,  # LA302
    repeated_figure,  # LA401
    report_period,  # LA402
    xxgk_narrative,  # LA411
    xxgk_carry_over,  # LA412
    xxgk_in_force,  # LA413
    suppression_without_reason,  # LA901
    unused_suppression,  # LA902
    xxgk_unaligned,  # LA911
)

BY_ID = {m.RULE.id: m for m in ALL_RULES}
