"""Label-level precision/recall of the claim verifier on a labelled set.

Each item of ``fixtures/eval/claims.jsonl`` (format and label definitions:
fixtures/eval/CLAIMS.md) is a claim, its language, the source file it cites and the
label a careful fact-checker gives. The verifier predicts one label per item:

1. Per gold label: precision = right / predicted as that label, recall = right /
   items with that gold label (support), F1 their harmonic mean (``FieldScore``).
2. Macro-F1 averages the F1 of the labels that occur (as gold or as prediction); a
   label predicted but never gold scores F1 0. Accuracy = right / items.
3. ``unverifiable`` is a legitimate prediction with its own column in the confusion
   matrix. It is not a gold label of fixtures/eval/claims.jsonl (every source there is
   readable text), so there it is always wrong; another set may use it as a gold label
   (a print book, a dead link), and then it gets a row and a score of its own. A
   verifier that raises is scored as the prediction ``error``.
4. ``contradicted`` predicted for a ``supported`` item is the worst error an editor can
   get (a correct sentence flagged as false); issue 5 requires none, so it is counted
   on its own and gated at zero.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from citecheck.evaluation.compare import show
from citecheck.evaluation.notes_eval import load_items, read_jsonl
from citecheck.evaluation.scores import FieldScore, ratio

Verify = Callable[[str, str, Path], str]

GOLD_LABELS = ("supported", "partially_supported", "not_found", "contradicted")
UNVERIFIABLE = "unverifiable"
PREDICTION_LABELS = (*GOLD_LABELS, UNVERIFIABLE)
ERROR = "error"  # the verifier raised: scored as a wrong prediction of its own
CLAIM_LANGS = frozenset({"tr", "en"})
SOURCE_SUFFIXES = frozenset({".html", ".htm", ".pdf", ".txt"})
ITEM_KEYS = frozenset({"id", "claim", "claim_lang", "source", "label", "note", "tags"})

# Issue 5's targets on the labelled set: macro-F1 >= 0.80, and `contradicted` never
# predicted for a `supported` item. `--gate` checks the targets.
TARGET_MACRO_F1 = 0.80
TARGET_CONTRADICTED_ON_SUPPORTED = 0
# The regression floors the test suite pins (trafilatura's eval-gate idea): just
# below what the verifier measures now, raised as it improves, never lowered to
# let a change pass (exceptions are named below and in their commits). Per
# labelled set, (macro-F1 floor, most contradicted-on-supported items),
# measured on 2026-11-24 (session 17) with the calibration (verify/calibration.py)
# retrained on claims and blind2-blind130: on those its figures are in-sample. A
# floor is the figure rounded down to 0.01, one more down when the third decimal
# printed is 0. Session 17 set every floor anew for that retraining (blind59-130
# added to its training; the contradiction's kind and the claim's quotations as
# features; a contradiction of the rules withdrawn when the model gives it less
# than 0.5; and step 3g reading a year or month, see verify/contradiction.py):
# 82 rose, 29 fell, most on the read sets the weights now fit less closely
# (blind2 and 8 by 0.03; blind3, 18, 21, 30, 38, 42, 44, 85, 88 and 139 by 0.02;
# the others by 0.01). Contradicted-on-supported fell on 34 sets
# (blind59-130: 89 -> 63; blind131-146, never trained on: 20 -> 16) and rose on none.
# blind147-162 were added. Session 16 set every
# floor anew from its final figures (contradictions only: counts in words of the
# same thing, a figure or full date given to another name, an ordinal, the name
# a claim cites; the calibration kept, in-sample mean 0.7497 -> 0.7529,
# blind59-122 0.6881 -> 0.6899): 22 rose, one fell: blind9 (0.791 -> 0.790),
# whose partially supported "ilk beş ülke arasında" the source's "ilk on ülke"
# now contradicts. Contradicted-on-supported moved on none. blind131-146 were
# added (blind139-146 written after the session's last rule change). Session 15 set every
# floor anew from its final figures (counts read with their units, see
# verify/units.py; a figure only in the page's teasers not found, see
# verify/aside.py; and the retrained calibration: in-sample mean 0.7447 ->
# 0.7497, blind59-114 0.690 -> 0.692): 39 rose, 10 fell, each by one or two
# items: blind3 (0.746 -> 0.736), 5 (0.815 -> 0.805), 72 (0.668 -> 0.659), 73
# (0.691 -> 0.678), 77 (0.584 -> 0.579), 98 (0.676 -> 0.657), 109 (0.712 ->
# 0.702), 111 (0.662 -> 0.653), 112 (0.767 -> 0.756) and 113 (0.666 -> 0.660):
# right contradictions of a teaser's figure given up, or the retrained weights.
# Contradicted-on-supported rose by one on blind81 (two counts read in their
# units); none fell. blind115-130 were added. Session 14 set every
# floor anew from its final figures (a figure given for another year, swaps read
# by stretches of the sentence, counts and sums ten times apart no changed
# figure, see verify/pairing.py and verify/measures.py, and the retrained
# calibration: in-sample mean 0.7397 -> 0.7447, blind59-106 0.683 -> 0.688):
# 46 rose, 10 fell: blind10 (0.748 -> 0.740), 27 (0.689 -> 0.678), 41 (0.761 ->
# 0.750), 42 (0.745 -> 0.734), 45 (0.694 -> 0.684), 53 (0.751 -> 0.744), 62
# (0.831 -> 0.814), 69 (0.755 -> 0.744), 93 (0.718 -> 0.710) and 106 (0.721 ->
# 0.720), each by one or two items (right contradictions of far-apart figures
# given up, or the retrained weights). Contradicted-on-supported fell by one on
# blind15, 23, 55, 81, 84, 90, 92, 94 and 100 and by two on blind67; none rose.
# blind107-114 were added. Session 13 set every
# floor anew from its final figures (the concept table's three passes, see
# verify/concepts.py, and the retrained calibration: in-sample mean 0.7341 ->
# 0.7397, blind59-98 0.6817 -> 0.6855): 48 rose, 21 fell, each by the items the
# new words or weights moved: by 0.01 blind2, 11, 21, 25, 27, 33, 36, 47, 53,
# 59, 64, 66, 84, 96, 98; by 0.02 blind6 (0.732), 12 (0.757), 22 (0.669), 31
# (0.703); by 0.03 blind17 (0.638); by 0.04 blind75 (0.613, one more
# contradicted-on-supported). Contradicted-on-supported rose by one on blind72,
# 75, 77 and 92 and fell by one on blind71, 73 and 94; blind99-106 were added.
# Session 12 set every
# floor anew from its final figures: nine rose by 0.01 (the ranking rule's
# contradictions), four fell by 0.01: blind42 (0.737: "GDP" now meets "gross
# domestic product", and a partial claim is read as supported), blind50 (0.658),
# blind65 (0.730) and blind76 (0.715), each for the retrained calibration moving
# one or two items; blind91-98 were added. Session 11 set every
# floor anew from its final figures: thirty-one rose by 0.01-0.03, three fell by
# 0.01 (blind34 0.717, blind77 0.565, blind82 0.717: the retrained calibration
# moved one or two items each), blind10 allows one contradicted-on-supported (a
# negated clause about observers the claim does not name, see negation.py) and
# blind48 and blind58 none. Session 10 raised blind5, 9 and 10 for one rule and
# lowered blind65 (0.736 -> 0.727) for its retraining. Session 9 lowered
# sixteen floors by 0.01-0.03 (claims 0.69 -> 0.67, blind2 by rounding, blind9,
# 12, 13, 22, 25, 26, 34, 35, 47, 51, 52 0.69 -> 0.66, blind59, 60, 61 0.57 ->
# 0.55) and raised nineteen: the retraining on facts counted by kind
# (Verdict.facts) instead of by the digits of v.missing, which left the mean of
# blind59-66 where it was (0.708 -> 0.707) and moved single sets by up to 0.03
# either way. Session 8 lowered eleven (claims, blind4, 10, 11, 13, 19, 30, 33,
# 34, 36, 45) for its retrained calibration, session 7 eleven (blind4, 5, 7, 9,
# 15, 17, 19, 25, 27, 32, 44) for rule changes its commits name.
# - blind9, blind10, blind19-blind58: measured when fresh (CLAIMS.md has each
#   first figure), items of most read since, all in the calibration's training.
# - blind59-blind66 (110, 110, 109, 110, 110, 110, 110, 110): written blind in
#   session 8, items never read, measured once with session 7's verifier
#   (0ac87f8) and once with the final one: mean 0.692 -> 0.708,
#   contradicted-on-supported 12 -> 12; session 9's: 0.707, 12.
# - blind67-blind74 (110 each): written blind in session 9, items never read,
#   measured once with session 8's verifier (43216ce: mean 0.692) and once with
#   the final one (0.689); contradicted-on-supported 12 -> 12.
# - blind75-blind82 (110, 110, 110, 109, 110, 110, 110, 110): written blind in
#   session 10, items never read, measured once with session 9's verifier
#   (41ba070: mean 0.660, contradicted-on-supported 11) and once with the final
#   one (the same: its one rule change touches none of their verdicts).
# - blind83-blind90 (110 each): written blind in session 11, items never read,
#   measured once with session 10's verifier (60d4d19: mean 0.679,
#   contradicted-on-supported 7) and once with the final one (0.681, 7).
# - blind91-blind98 (110 each): written blind in session 12, items never read,
#   measured once with session 11's verifier (46df5b7: mean 0.668,
#   contradicted-on-supported 11) and with the final one (0.668, 11).
# - blind99-blind106 (110 each): written blind in session 13, items never read,
#   measured once with session 12's verifier (63fcfac: mean 0.656,
#   contradicted-on-supported 8) and with the final one (0.671, 8).
# - blind107-blind114 (110 each): written blind in session 14, items never read,
#   measured once with session 13's verifier (de97282: mean 0.697,
#   contradicted-on-supported 10) and with the final one (0.698, 9).
# - blind115-blind122 (110 each): written blind in session 15, items never read,
#   measured once with session 14's verifier (376ae1a: mean 0.656,
#   contradicted-on-supported 15) and with the final one (0.657, 15).
# - blind123-blind130 (110 each): written blind at the end of session 15, after
#   its last rule change, items never read, measured once with its final
#   verifier (b78764e: mean 0.708, contradicted-on-supported 10).
#   blind59-blind130 are in the calibration's training since session 17.
# - blind131-blind138 (110 each): written blind in session 16, items never read,
#   measured once with session 15's verifier (c60c6ac: mean 0.689,
#   contradicted-on-supported 11), with the final one (0.694, 12) and with
#   session 17's (0.708, 8).
# - blind139-blind146 (110 each): written blind at the end of session 16, items
#   never read, measured once with its final verifier (f66efba: mean 0.673,
#   contradicted-on-supported 8) and with session 17's (0.679, 8).
# - blind147-blind154 (110 each): written blind in session 17, measured once with
#   session 16's verifier (f37d89d: mean 0.688, contradicted-on-supported 4) and
#   with the final one (0.711, 3); items never read but blind152's (CLAIMS.md).
# - blind155-blind162 (110 each): written blind at the end of session 17, after
#   its last change, items never read, measured once with its final verifier
#   (f98c291: mean 0.717, contradicted-on-supported 7).
#   With session 18's final verifier: blind131-162 but blind152 0.705, 25.
# - blind163-blind170 (110 each): written blind in session 18, items never read,
#   measured once with session 17's verifier (b9eaab1: mean 0.695,
#   contradicted-on-supported 3) and with the final one (e0b63a4: 0.698, 3).
# - blind171-blind178 (110 each): written blind in session 18, items never read,
#   measured once after its clause changes (c0b3960: mean 0.687,
#   contradicted-on-supported 4) and with the final verifier (e0b63a4: 0.689, 4).
# - blind179-blind186 (71-110 each, 812 in all): written blind at the end of
#   session 18, after its last change, items never read, measured once with its
#   final verifier (e0b63a4: mean 0.720, contradicted-on-supported 4).
#   With session 19's final verifier: blind131-186 but blind152 0.710, 36.
# - blind187-blind194 (110 each): written blind at the start of session 19, items
#   never read, measured once with session 18's verifier (8e4e73e: mean 0.716,
#   contradicted-on-supported 4) and with the final one (ef4a08b: 0.718, 3).
# - blind195-blind202 (110 each): written blind during session 19 after its last
#   verifier change, items never read, measured once with its final verifier
#   (ef4a08b: mean 0.713, contradicted-on-supported 8; blind199 came last).
#   With session 20's final verifier: 0.715, 8; blind131-202 but blind152 0.713, 48.
# - blind203-blind210 (110 each): written blind at the start of session 20, items
#   never read, measured with session 19's verifier (f239e1f: mean 0.744,
#   contradicted-on-supported 3) and with the final one (0.744, 3).
# - blind211-blind218 (110 each): written blind at the start of session 21, items
#   never read, measured with session 20's verifier (fea7046: mean 0.732,
#   contradicted-on-supported 7) and with the final one (0.737, 7).
#   Since session 21 the calibration is trained on claims and blind2-blind170: the
#   clean sets are blind171-blind218 (final: 0.725, 28).
# - blind219-blind226 (110 each): written blind at the start of session 22, items
#   never read, measured with session 21's verifier (91252bc: mean 0.705,
#   contradicted-on-supported 12) and with the final one (0.708, 12).
# - blind227-blind234 (110 each): written blind at the start of session 23, items
#   never read, measured with session 22's verifier (6d6fe4b: mean 0.736,
#   contradicted-on-supported 9) and with the final one (0.737, 9). The clean
#   sets blind171-blind234: 0.726, 49.
# - blind235-blind242 (110 each): written blind at the start of session 24, items
#   never read, measured with session 23's verifier (1b478a7: mean 0.740,
#   contradicted-on-supported 6) and with the final one (0.740, 5).
#   From session 24 on blind171-blind194 are read (their misjudged items guided
#   the session's rules); the clean sets are blind195-blind242 (start of the
#   session 0.731, 46; final 0.732, 44).
# Sessions 21-24 set every floor anew from their final figures (a retrained
# calibration moves in-sample sets by up to 0.03 either way). The suite's gate
# evaluates every set out of the calibration's training and every third of the
# others (tests/test_claims_eval.py; CITECHECK_GATE=all for every set).
# The targets (0.80, 0) are NOT met on any set the verifier was not fitted to.
CLAIMS_FLOORS: dict[str, tuple[float, int]] = {
    "claims.jsonl": (0.67, 0),  # not above the target (test_gate_names_each_floor)
    "blind2/claims.jsonl": (0.80, 0),
    "blind3/claims.jsonl": (0.70, 0),
    "blind4/claims.jsonl": (0.74, 0),
    "blind5/claims.jsonl": (0.82, 0),
    "blind6/claims.jsonl": (0.76, 0),
    "blind7/claims.jsonl": (0.77, 0),
    "blind8/claims.jsonl": (0.75, 0),
    "blind9/claims.jsonl": (0.81, 0),
    "blind10/claims.jsonl": (0.73, 0),
    "blind11/claims.jsonl": (0.68, 0),
    "blind12/claims.jsonl": (0.75, 0),
    "blind13/claims.jsonl": (0.75, 0),
    "blind14/claims.jsonl": (0.73, 1),
    "blind15/claims.jsonl": (0.74, 3),
    "blind16/claims.jsonl": (0.68, 1),
    "blind17/claims.jsonl": (0.63, 3),
    "blind18/claims.jsonl": (0.74, 0),
    "blind19/claims.jsonl": (0.76, 0),
    "blind20/claims.jsonl": (0.80, 0),
    "blind21/claims.jsonl": (0.77, 1),
    "blind22/claims.jsonl": (0.73, 1),
    "blind23/claims.jsonl": (0.79, 0),
    "blind24/claims.jsonl": (0.83, 1),
    "blind25/claims.jsonl": (0.81, 0),
    "blind26/claims.jsonl": (0.81, 0),
    "blind27/claims.jsonl": (0.71, 0),
    "blind28/claims.jsonl": (0.74, 0),
    "blind29/claims.jsonl": (0.77, 0),
    "blind30/claims.jsonl": (0.69, 0),
    "blind31/claims.jsonl": (0.80, 0),
    "blind32/claims.jsonl": (0.78, 0),
    "blind33/claims.jsonl": (0.74, 0),
    "blind34/claims.jsonl": (0.79, 1),
    "blind35/claims.jsonl": (0.79, 0),
    "blind36/claims.jsonl": (0.81, 0),
    "blind37/claims.jsonl": (0.84, 0),
    "blind38/claims.jsonl": (0.76, 0),
    "blind39/claims.jsonl": (0.78, 0),
    "blind40/claims.jsonl": (0.78, 0),
    "blind41/claims.jsonl": (0.72, 0),
    "blind42/claims.jsonl": (0.80, 0),
    "blind43/claims.jsonl": (0.77, 0),
    "blind44/claims.jsonl": (0.79, 0),
    "blind45/claims.jsonl": (0.71, 0),
    "blind46/claims.jsonl": (0.78, 1),
    "blind47/claims.jsonl": (0.80, 0),
    "blind48/claims.jsonl": (0.83, 0),
    "blind49/claims.jsonl": (0.66, 1),
    "blind50/claims.jsonl": (0.69, 0),
    "blind51/claims.jsonl": (0.85, 0),
    "blind52/claims.jsonl": (0.75, 0),
    "blind53/claims.jsonl": (0.76, 2),
    "blind54/claims.jsonl": (0.75, 1),
    "blind55/claims.jsonl": (0.79, 1),
    "blind56/claims.jsonl": (0.73, 0),
    "blind57/claims.jsonl": (0.74, 1),
    "blind58/claims.jsonl": (0.76, 0),
    "blind59/claims.jsonl": (0.70, 1),
    "blind60/claims.jsonl": (0.69, 1),
    "blind61/claims.jsonl": (0.66, 3),
    "blind62/claims.jsonl": (0.80, 0),
    "blind63/claims.jsonl": (0.69, 2),
    "blind64/claims.jsonl": (0.73, 0),
    "blind65/claims.jsonl": (0.73, 1),
    "blind66/claims.jsonl": (0.78, 1),
    "blind67/claims.jsonl": (0.80, 1),
    "blind68/claims.jsonl": (0.75, 0),
    "blind69/claims.jsonl": (0.74, 0),
    "blind70/claims.jsonl": (0.79, 3),
    "blind71/claims.jsonl": (0.70, 2),
    "blind72/claims.jsonl": (0.70, 0),
    "blind73/claims.jsonl": (0.74, 1),
    "blind74/claims.jsonl": (0.66, 1),
    "blind75/claims.jsonl": (0.69, 2),
    "blind76/claims.jsonl": (0.78, 1),
    "blind77/claims.jsonl": (0.64, 1),
    "blind78/claims.jsonl": (0.72, 1),
    "blind79/claims.jsonl": (0.66, 1),
    "blind80/claims.jsonl": (0.67, 2),
    "blind81/claims.jsonl": (0.80, 2),
    "blind82/claims.jsonl": (0.70, 1),
    "blind83/claims.jsonl": (0.71, 0),
    "blind84/claims.jsonl": (0.79, 0),
    "blind85/claims.jsonl": (0.71, 1),
    "blind86/claims.jsonl": (0.74, 1),
    "blind87/claims.jsonl": (0.66, 0),
    "blind88/claims.jsonl": (0.67, 1),
    "blind89/claims.jsonl": (0.67, 0),
    "blind90/claims.jsonl": (0.68, 0),
    "blind91/claims.jsonl": (0.72, 0),
    "blind92/claims.jsonl": (0.71, 0),
    "blind93/claims.jsonl": (0.74, 1),
    "blind94/claims.jsonl": (0.65, 0),
    "blind95/claims.jsonl": (0.71, 3),
    "blind96/claims.jsonl": (0.67, 0),
    "blind97/claims.jsonl": (0.75, 0),
    "blind98/claims.jsonl": (0.66, 0),
    "blind99/claims.jsonl": (0.75, 0),
    "blind100/claims.jsonl": (0.67, 0),
    "blind101/claims.jsonl": (0.62, 1),
    "blind102/claims.jsonl": (0.64, 0),
    "blind103/claims.jsonl": (0.74, 3),
    "blind104/claims.jsonl": (0.70, 1),
    "blind105/claims.jsonl": (0.74, 1),
    "blind106/claims.jsonl": (0.76, 1),
    "blind107/claims.jsonl": (0.79, 0),
    "blind108/claims.jsonl": (0.68, 2),
    "blind109/claims.jsonl": (0.70, 1),
    "blind110/claims.jsonl": (0.78, 2),
    "blind111/claims.jsonl": (0.66, 1),
    "blind112/claims.jsonl": (0.76, 0),
    "blind113/claims.jsonl": (0.69, 0),
    "blind114/claims.jsonl": (0.71, 2),
    "blind115/claims.jsonl": (0.66, 1),
    "blind116/claims.jsonl": (0.73, 1),
    "blind117/claims.jsonl": (0.67, 2),
    "blind118/claims.jsonl": (0.75, 1),
    "blind119/claims.jsonl": (0.75, 2),
    "blind120/claims.jsonl": (0.66, 0),
    "blind121/claims.jsonl": (0.71, 2),
    "blind122/claims.jsonl": (0.60, 1),
    "blind123/claims.jsonl": (0.81, 1),
    "blind124/claims.jsonl": (0.74, 0),
    "blind125/claims.jsonl": (0.76, 0),
    "blind126/claims.jsonl": (0.71, 0),
    "blind127/claims.jsonl": (0.71, 0),
    "blind128/claims.jsonl": (0.74, 1),
    "blind129/claims.jsonl": (0.72, 1),
    "blind130/claims.jsonl": (0.66, 0),
    "blind131/claims.jsonl": (0.70, 2),
    "blind132/claims.jsonl": (0.71, 1),
    "blind133/claims.jsonl": (0.71, 1),
    "blind134/claims.jsonl": (0.75, 0),
    "blind135/claims.jsonl": (0.71, 2),
    "blind136/claims.jsonl": (0.69, 0),
    "blind137/claims.jsonl": (0.72, 2),
    "blind138/claims.jsonl": (0.71, 1),
    "blind139/claims.jsonl": (0.75, 0),
    "blind140/claims.jsonl": (0.63, 1),
    "blind141/claims.jsonl": (0.64, 1),
    "blind142/claims.jsonl": (0.63, 2),
    "blind143/claims.jsonl": (0.74, 0),
    "blind144/claims.jsonl": (0.74, 1),
    "blind145/claims.jsonl": (0.67, 2),
    "blind146/claims.jsonl": (0.68, 0),
    "blind147/claims.jsonl": (0.74, 1),
    "blind148/claims.jsonl": (0.68, 1),
    "blind149/claims.jsonl": (0.76, 0),
    "blind150/claims.jsonl": (0.69, 1),
    "blind151/claims.jsonl": (0.69, 0),
    "blind152/claims.jsonl": (0.72, 1),
    "blind153/claims.jsonl": (0.71, 0),
    "blind154/claims.jsonl": (0.77, 0),
    "blind155/claims.jsonl": (0.66, 2),
    "blind156/claims.jsonl": (0.80, 0),
    "blind157/claims.jsonl": (0.73, 0),
    "blind158/claims.jsonl": (0.74, 0),
    "blind159/claims.jsonl": (0.82, 2),
    "blind160/claims.jsonl": (0.70, 0),
    "blind161/claims.jsonl": (0.73, 2),
    "blind162/claims.jsonl": (0.67, 1),
    "blind163/claims.jsonl": (0.71, 1),
    "blind164/claims.jsonl": (0.73, 1),
    "blind165/claims.jsonl": (0.76, 2),
    "blind166/claims.jsonl": (0.71, 1),
    "blind167/claims.jsonl": (0.67, 0),
    "blind168/claims.jsonl": (0.73, 0),
    "blind169/claims.jsonl": (0.72, 0),
    "blind170/claims.jsonl": (0.66, 1),
    "blind171/claims.jsonl": (0.62, 0),
    "blind172/claims.jsonl": (0.77, 1),
    "blind173/claims.jsonl": (0.66, 0),
    "blind174/claims.jsonl": (0.69, 1),
    "blind175/claims.jsonl": (0.80, 0),
    "blind176/claims.jsonl": (0.67, 1),
    "blind177/claims.jsonl": (0.73, 0),
    "blind178/claims.jsonl": (0.66, 0),
    "blind179/claims.jsonl": (0.69, 1),
    "blind180/claims.jsonl": (0.79, 0),
    "blind181/claims.jsonl": (0.64, 0),
    "blind182/claims.jsonl": (0.74, 0),
    "blind183/claims.jsonl": (0.72, 0),
    "blind184/claims.jsonl": (0.79, 1),
    "blind185/claims.jsonl": (0.69, 1),
    "blind186/claims.jsonl": (0.77, 0),
    "blind187/claims.jsonl": (0.76, 1),
    "blind188/claims.jsonl": (0.75, 0),
    "blind189/claims.jsonl": (0.71, 0),
    "blind190/claims.jsonl": (0.73, 1),
    "blind191/claims.jsonl": (0.71, 1),
    "blind192/claims.jsonl": (0.72, 0),
    "blind193/claims.jsonl": (0.73, 0),
    "blind194/claims.jsonl": (0.73, 0),
    "blind195/claims.jsonl": (0.66, 1),
    "blind196/claims.jsonl": (0.72, 1),
    "blind197/claims.jsonl": (0.71, 1),
    "blind198/claims.jsonl": (0.68, 1),
    "blind199/claims.jsonl": (0.81, 0),
    "blind200/claims.jsonl": (0.67, 1),
    "blind201/claims.jsonl": (0.68, 4),
    "blind202/claims.jsonl": (0.78, 0),
    "blind203/claims.jsonl": (0.75, 1),
    "blind204/claims.jsonl": (0.75, 1),
    "blind205/claims.jsonl": (0.76, 0),
    "blind206/claims.jsonl": (0.74, 0),
    "blind207/claims.jsonl": (0.74, 0),
    "blind208/claims.jsonl": (0.69, 1),
    "blind209/claims.jsonl": (0.76, 0),
    "blind210/claims.jsonl": (0.76, 0),
    "blind211/claims.jsonl": (0.76, 0),
    "blind212/claims.jsonl": (0.72, 2),
    "blind213/claims.jsonl": (0.68, 3),
    "blind214/claims.jsonl": (0.79, 1),
    "blind215/claims.jsonl": (0.72, 0),
    "blind216/claims.jsonl": (0.73, 0),
    "blind217/claims.jsonl": (0.68, 0),
    "blind218/claims.jsonl": (0.79, 0),
    "blind219/claims.jsonl": (0.69, 1),
    "blind220/claims.jsonl": (0.77, 1),
    "blind221/claims.jsonl": (0.65, 2),
    "blind222/claims.jsonl": (0.70, 3),
    "blind223/claims.jsonl": (0.67, 0),
    "blind224/claims.jsonl": (0.75, 1),
    "blind225/claims.jsonl": (0.77, 2),
    "blind226/claims.jsonl": (0.64, 2),
    "blind227/claims.jsonl": (0.69, 0),
    "blind228/claims.jsonl": (0.74, 0),
    "blind229/claims.jsonl": (0.81, 2),
    "blind230/claims.jsonl": (0.71, 2),
    "blind231/claims.jsonl": (0.74, 2),
    "blind232/claims.jsonl": (0.75, 1),
    "blind233/claims.jsonl": (0.71, 1),
    "blind234/claims.jsonl": (0.69, 1),
    "blind235/claims.jsonl": (0.72, 3),
    "blind236/claims.jsonl": (0.76, 0),
    "blind237/claims.jsonl": (0.72, 1),
    "blind238/claims.jsonl": (0.65, 0),
    "blind239/claims.jsonl": (0.78, 0),
    "blind240/claims.jsonl": (0.78, 0),
    "blind241/claims.jsonl": (0.76, 0),
    "blind242/claims.jsonl": (0.71, 1),
}
MACRO_F1_FLOOR, MAX_CONTRADICTED_ON_SUPPORTED = CLAIMS_FLOORS["claims.jsonl"]

__all__ = [
    "CLAIMS_FLOORS",
    "GOLD_LABELS",
    "MACRO_F1_FLOOR",
    "MAX_CONTRADICTED_ON_SUPPORTED",
    "PREDICTION_LABELS",
    "TARGET_CONTRADICTED_ON_SUPPORTED",
    "TARGET_MACRO_F1",
    "ClaimResult",
    "ClaimsEvalResult",
    "evaluate",
    "evaluate_items",
    "evaluate_sets",
    "format_report",
    "format_summary",
    "gate",
    "in_workers",
    "is_claims_set",
    "load_claims",
    "main",
    "validate_claim",
    "worker_pool",
]


@dataclass
class ClaimResult:
    id: str
    claim: str
    claim_lang: str
    source: Path
    gold: str
    predicted: str
    tags: list[str] = field(default_factory=list)
    note: str = ""
    error: str | None = None  # the verifier raised (predicted is ERROR)

    @property
    def right(self) -> bool:
        return self.predicted == self.gold


@dataclass
class ClaimsEvalResult:
    labels: dict[str, FieldScore]  # per gold label
    items: list[ClaimResult]
    skipped: list[str] = field(default_factory=list)  # lines that could not be scored

    @property
    def columns(self) -> list[str]:
        """Prediction columns: every label the verifier may give, then anything else seen."""
        extra = sorted({i.predicted for i in self.items} - set(PREDICTION_LABELS))
        return [*PREDICTION_LABELS, *extra]

    @property
    def confusion(self) -> dict[str, dict[str, int]]:
        """gold -> predicted -> count; rows are the gold labels, columns ``columns``."""
        table = {gold: dict.fromkeys(self.columns, 0) for gold in self.labels}
        for item in self.items:
            table[item.gold][item.predicted] += 1
        return table

    @property
    def accuracy(self) -> float | None:
        return ratio(sum(i.right for i in self.items), len(self.items))

    @property
    def macro_f1(self) -> float | None:
        scored = [s for s in self.labels.values() if s.support or s.predicted]
        if not scored:
            return None
        return sum(s.f1 or 0.0 for s in scored) / len(scored)

    @property
    def errors(self) -> list[ClaimResult]:
        return [i for i in self.items if not i.right]

    @property
    def crashes(self) -> list[ClaimResult]:
        return [i for i in self.items if i.error]

    @property
    def contradicted_on_supported(self) -> int:
        return sum(i.gold == "supported" and i.predicted == "contradicted" for i in self.items)

    def tag_accuracy(self) -> dict[str, tuple[int, int]]:
        """tag -> (items, items right)."""
        table: dict[str, list[int]] = {}
        for item in self.items:
            for tag in item.tags:
                row = table.setdefault(tag, [0, 0])
                row[0] += 1
                row[1] += item.right
        return {tag: (n, right) for tag, (n, right) in sorted(table.items())}


def validate_claim(obj: Any, base: Path | None = None) -> list[str]:
    """Problems of one item; with ``base`` (the JSONL's folder) the source must exist."""
    if not isinstance(obj, dict):
        return ["not a JSON object"]
    problems = []
    missing = ITEM_KEYS - obj.keys()
    if missing:
        problems.append(f"missing keys {sorted(missing)}")
    unknown = obj.keys() - ITEM_KEYS
    if unknown:
        problems.append(f"unknown keys {sorted(unknown)}")
    for key in ("id", "claim", "source", "note"):
        if key in obj and (not isinstance(obj[key], str) or not obj[key].strip()):
            problems.append(f"{key} must be a non-empty string")
    if "claim_lang" in obj and obj["claim_lang"] not in CLAIM_LANGS:
        problems.append(f"claim_lang {obj['claim_lang']!r} not in {sorted(CLAIM_LANGS)}")
    if "label" in obj and obj["label"] not in PREDICTION_LABELS:
        problems.append(f"label {obj['label']!r} not in {list(PREDICTION_LABELS)}")
    tags = obj.get("tags")
    if "tags" in obj and not (
        isinstance(tags, list) and all(isinstance(t, str) and t for t in tags)
    ):
        problems.append("tags must be a list of non-empty strings")
    source = obj.get("source")
    if isinstance(source, str) and source.strip():
        if Path(source).suffix.lower() not in SOURCE_SUFFIXES:
            problems.append(f"source {source!r} is not one of {sorted(SOURCE_SUFFIXES)}")
        elif (
            base is not None and obj.get("label") != UNVERIFIABLE and not (base / source).is_file()
        ):
            problems.append(f"source {source!r} does not exist under {base}")
    return problems


def is_claims_set(path: str | Path) -> bool:
    """True when the JSONL's first item looks like a claim (``claim`` and ``label`` keys).

    Lets one command (``citecheck eval``) tell a claims set from a notes set.
    """
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(obj, dict) and {"claim", "label"} <= obj.keys()
    return False


def load_claims(
    path: str | Path, *, strict: bool = True, skipped: list[str] | None = None
) -> list[dict[str, Any]]:
    """Read a claims JSONL.

    ``strict`` (this repository's sets): every item must follow the format in
    fixtures/eval/CLAIMS.md; a bad line or duplicate id raises ValueError.
    Otherwise (a set written elsewhere, ``evaluate``'s default): an item needs
    only ``claim``, ``source`` and a ``label`` of the vocabulary; ``tags``,
    ``note``, ``claim_lang`` and ``id`` may be absent, other keys are ignored,
    any source file type is tried, and a line that cannot be scored is left out
    with its reason appended to ``skipped`` — one odd line never stops the run.
    """
    base = Path(path).parent
    if strict:
        items = load_items(path, validate=lambda obj: validate_claim(obj, base))
    else:
        items = _load_lenient(Path(path), skipped if skipped is not None else [])
    seen: set[str] = set()
    for item in items:
        if item["id"] in seen:
            if strict:
                raise ValueError(f"{path}: duplicate id {item['id']!r}")
            n = 2
            while f"{item['id']}#{n}" in seen:
                n += 1
            item["id"] = f"{item['id']}#{n}"
        seen.add(item["id"])
        item["source_path"] = base / item["source"]
    return items


# Other spellings of the labels a set written elsewhere may use.
_LABEL_ALIASES = {
    "partial": "partially_supported", "partly_supported": "partially_supported",
    "partially": "partially_supported", "notfound": "not_found", "not_in_source": "not_found",
    "contradiction": "contradicted", "refuted": "contradicted", "contradicts": "contradicted",
    "unverified": "unverifiable", "supports": "supported",
}  # fmt: skip


def _load_lenient(path: Path, skipped: list[str]) -> list[dict[str, Any]]:
    items = []

    def not_json(lineno: int, exc: json.JSONDecodeError) -> None:
        skipped.append(f"line {lineno}: not JSON ({exc.msg})")

    # utf-8-sig: a set saved by another tool may open with a byte-order mark
    for lineno, obj in read_jsonl(path, encoding="utf-8-sig", on_bad=not_json):
        if not isinstance(obj, dict):
            skipped.append(f"line {lineno}: not a JSON object")
            continue
        why = [
            f"no {key}"
            for key in ("claim", "source")
            if not isinstance(obj.get(key), str) or not obj[key].strip()
        ]
        label = str(obj.get("label", "")).strip().lower().replace(" ", "_").replace("-", "_")
        label = _LABEL_ALIASES.get(label, label)
        if label not in PREDICTION_LABELS:
            why.append(f"label {obj.get('label')!r} not in {list(PREDICTION_LABELS)}")
        if why:
            skipped.append(f"line {lineno}: " + "; ".join(why))
            continue
        lang = obj.get("claim_lang")
        tags = obj.get("tags")
        items.append({
            "id": str(obj.get("id") or f"line-{lineno}"),
            "claim": obj["claim"],
            "claim_lang": lang[:2].lower() if isinstance(lang, str) and lang else None,
            "source": obj["source"],
            "label": label,
            "note": obj.get("note") if isinstance(obj.get("note"), str) else "",
            "tags": [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else [],
        })  # fmt: skip
    return items


def _default_verify(judge: Any = None) -> Verify:
    """citecheck's verifier; ``judge`` (a verify.judge.Judge) replaces the rules.
    Each source file is read and indexed once per evaluation (LocalSources)."""
    try:
        from citecheck.verify.run import LocalSources
    except ImportError as exc:
        raise ImportError(
            "the claim verifier is not available: citecheck.verify.run.LocalSources "
            f"could not be imported ({exc}); pass verify= to evaluate() to score another one"
        ) from exc
    sources = LocalSources(judge=judge)

    def verify(claim: str, claim_lang: str | None, source_path: Path) -> str:
        if not claim_lang:  # a set written elsewhere may not say: the words tell
            from citecheck.web.extract_lang import detect_language

            claim_lang = detect_language(claim)
        label = sources.verify(claim, claim_lang, source_path).label
        return str(getattr(label, "value", label))  # a str-valued Enum or a plain str

    return verify


def evaluate_items(
    items: list[dict[str, Any]], verify: Verify | None = None, *, judge: Any = None
) -> ClaimsEvalResult:
    """Score ``verify`` on loaded items (``load_claims``); the default is citecheck's,
    with ``judge`` (e.g. a model's EndpointJudge) deciding instead of the rules."""
    if verify is None:  # the rules keep the zero-argument call (tests substitute it)
        verify = _default_verify(judge) if judge is not None else _default_verify()
    results = []
    for item in items:
        source = Path(item.get("source_path") or item["source"])
        result = ClaimResult(
            item["id"], item["claim"], item["claim_lang"], source, item["label"], ERROR,
            list(item.get("tags", [])), item.get("note", ""),
        )  # fmt: skip
        try:
            result.predicted = str(verify(item["claim"], item["claim_lang"], source))
        except Exception as exc:  # one crash is one wrong item, not a failed run
            result.error = f"{type(exc).__name__}: {exc}"
        results.append(result)
    gold_labels = [*GOLD_LABELS] + [UNVERIFIABLE] * any(r.gold == UNVERIFIABLE for r in results)
    scores = {label: FieldScore(label) for label in gold_labels}
    for r in results:
        if r.gold in scores:
            scores[r.gold].support += 1
            scores[r.gold].support_right += r.right
        if r.predicted in scores:
            scores[r.predicted].predicted += 1
            scores[r.predicted].predicted_right += r.right
    for s in scores.values():  # "checked" and "right" mean the same here: per gold label
        s.checked, s.right = s.support, s.support_right
    return ClaimsEvalResult(scores, results)


def evaluate(
    path: str | Path, verify: Verify | None = None, *, judge: Any = None
) -> ClaimsEvalResult:
    """Load the claims JSONL at ``path`` (leniently: a set written elsewhere may
    leave out tags or notes; lines that cannot be scored are listed in the
    result's ``skipped``) and score ``verify`` (default: citecheck's, with
    ``judge`` when given) on it."""
    skipped: list[str] = []
    items = load_claims(path, strict=False, skipped=skipped)
    if not items and skipped:
        raise ValueError(f"{path}: no line can be scored: " + "; ".join(skipped[:5]))
    result = evaluate_items(items, verify, judge=judge)
    result.skipped = skipped
    return result


# BLAS threads buy ~10 % on the verifier's small matrices while holding a second
# core, so several sets run best in worker processes of one thread each.
_ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _one_blas_thread() -> None:
    # a spawned worker has not imported numpy yet: its BLAS reads these at import
    os.environ.update(_ONE_THREAD)


@contextmanager
def worker_pool(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``jobs`` fresh (spawned) processes of one BLAS thread each."""
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=get_context("spawn"), initializer=_one_blas_thread
    )
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


def in_workers(fn: Callable[[Any], Any], items: Sequence[Any], jobs: int) -> list[Any]:
    """``fn`` of each item, in order: here when ``jobs`` is 1, else in a worker_pool
    (``fn`` and the items must pickle: module-level functions, paths)."""
    if jobs <= 1 or len(items) < 2:
        return [fn(x) for x in items]
    with worker_pool(min(jobs, len(items))) as pool:
        return list(pool.map(fn, items))


def _evaluate_or_error(path: str | Path, judge: Any = None) -> ClaimsEvalResult | Exception:
    try:
        return evaluate(path, judge=judge)
    except (OSError, ValueError, ImportError) as exc:
        return exc


def evaluate_sets(
    paths: Sequence[str | Path], jobs: int = 1, *, judge: Any = None
) -> list[ClaimsEvalResult | Exception]:
    """Each set scored, in order, by citecheck's rules in ``jobs`` worker processes,
    or by ``judge`` here (a model judge holds a connection: one process); a set
    that cannot be read gives its exception in its place, not a failed run."""
    if judge is not None:
        if jobs > 1:
            raise ValueError("a model judge scores the sets in one process (jobs 1)")
        return [_evaluate_or_error(p, judge) for p in paths]
    return in_workers(_evaluate_or_error, paths, jobs)


def format_summary(names: Sequence[str], results: Sequence[ClaimsEvalResult | Exception]) -> str:
    """One line per set (items, macro-F1, contradicted for a supported item) and
    the mean over the sets that could be scored."""
    scored = [r for r in results if not isinstance(r, Exception)]
    measured = [r.macro_f1 for r in scored if r.macro_f1 is not None]
    mean = f"mean of {len(measured)} set{'s' * (len(measured) != 1)}"
    width = max([len(n) for n in names] + [len("set"), len(mean)])
    out = [f"{'set':<{width}}  items  macro-F1  contradicted-on-supported"]
    for name, r in zip(names, results, strict=True):
        if isinstance(r, Exception):
            out.append(f"{name:<{width}}  error: {show(str(r), 100)}")
            continue
        macro = "       -" if r.macro_f1 is None else f"{r.macro_f1:8.3f}"
        out.append(f"{name:<{width}}  {len(r.items):5d}  {macro}  {r.contradicted_on_supported:3d}")
    if measured:
        out.append(
            f"{mean:<{width}}  {sum(len(r.items) for r in scored):5d}  "
            f"{sum(measured) / len(measured):8.3f}  "
            f"{sum(r.contradicted_on_supported for r in scored):3d}"
        )
    return "\n".join(out)


def gate(
    result: ClaimsEvalResult,
    macro_floor: float = TARGET_MACRO_F1,
    max_contradicted_on_supported: int = TARGET_CONTRADICTED_ON_SUPPORTED,
) -> list[str]:
    """One message per floor the result falls below (empty: the gate passes).

    By default the floors are issue 5's targets; the test suite passes the pinned
    regression floors (MACRO_F1_FLOOR, MAX_CONTRADICTED_ON_SUPPORTED).
    """
    failures = []
    macro = result.macro_f1
    if macro is None or macro < macro_floor:
        shown = "unmeasured" if macro is None else f"{macro:.3f}"
        failures.append(f"macro-F1 {shown} < floor {macro_floor:.2f}")
    bad = result.contradicted_on_supported
    if bad > max_contradicted_on_supported:
        failures.append(
            f"contradicted predicted for {bad} supported item(s) "
            f"(allowed: {max_contradicted_on_supported})"
        )
    return failures


def _fmt(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.3f}"


_SHORT = {"partially_supported": "partial", "not_found": "not_found", "unverifiable": "unverif"}


def _confusion_lines(result: ClaimsEvalResult) -> list[str]:
    cols = result.columns
    names = [_SHORT.get(c, c) for c in cols]
    width = max(9, *(len(n) for n in names))
    corner = "gold \\ predicted"
    out = [f"{corner:<20}" + "".join(f"{n:>{width + 1}}" for n in names)]
    for gold, row in result.confusion.items():
        out.append(f"{gold:<20}" + "".join(f"{row[c]:>{width + 1}}" for c in cols))
    return out


def format_report(result: ClaimsEvalResult, show_errors: int = 10) -> str:
    """The terminal report: labels, macro-F1, confusion matrix, tags, first errors."""
    n = len(result.items)
    right = n - len(result.errors)
    out = [
        f"{n} claims; right {right}; verifier crashes: {len(result.crashes)}",
        *(
            [f"{len(result.skipped)} line(s) left out: " + "; ".join(result.skipped[:5])]
            if result.skipped
            else []
        ),
        "",
        f"{'label':<20} {'prec':>5} {'recall':>6} {'F1':>5} {'support':>7} {'predicted':>9}",
    ]
    for label, s in result.labels.items():
        out.append(
            f"{label:<20} {_fmt(s.precision)} {_fmt(s.recall):>6} {_fmt(s.f1)} "
            f"{s.support:>7} {s.predicted:>9}"
        )
    out += [
        f"{'macro-F1':<20} {_fmt(result.macro_f1)}   (target {TARGET_MACRO_F1:.2f})",
        f"{'accuracy':<20} {_fmt(result.accuracy)}",
        f"contradicted predicted for a supported item: {result.contradicted_on_supported}"
        f" (target {TARGET_CONTRADICTED_ON_SUPPORTED})",
        "",
        "confusion matrix (rows = gold, columns = predicted):",
        *_confusion_lines(result),
        "",
        f"{'tag':<22} {'items':>5} {'right':>5} {'accuracy':>8}",
    ]
    for tag, (count, ok) in result.tag_accuracy().items():
        out.append(f"{tag:<22} {count:>5} {ok:>5} {_fmt(ratio(ok, count)):>8}")
    # The errors the issue cares most about come first.
    errors = sorted(
        result.errors,
        key=lambda i: (not (i.gold == "supported" and i.predicted == "contradicted"),
                       i.error is None),
    )  # fmt: skip
    shown = errors[: max(show_errors, 0)]
    if shown:
        out += ["", f"first {len(shown)} of {len(result.errors)} errors:"]
    for item in shown:
        out.append(
            f"- {item.id}: gold {item.gold}, predicted {item.predicted}  [{item.source.name}]"
        )
        out.append(f"    claim ({item.claim_lang}): {show(item.claim, 150)}")
        if item.error:
            out.append(f"    verifier error: {show(item.error, 150)}")
        out.append(f"    note: {show(item.note, 150)}")
    failures = gate(result)
    out += ["", "issue 5 targets: " + ("met" if not failures else "NOT MET")]
    out += [f"  {f}" for f in failures]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from citecheck.evaluation.runner import run_eval_cli

    return run_eval_cli(
        argv,
        prog="python -m citecheck.evaluation.claims_eval",
        description="Per-label precision/recall, macro-F1 and confusion matrix of the claim "
        "verifier on a labelled JSONL set.",
        example="fixtures/eval/claims.jsonl",
        evaluate=evaluate,
        format_report=format_report,
        gate=gate,
        gate_help="exit 1 below issue 5's targets",
        judge_options=True,
    )


if __name__ == "__main__":
    sys.exit(main())
