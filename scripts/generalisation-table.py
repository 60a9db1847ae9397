#!/usr/bin/env python3
"""Markdown table of scripts/generalisation.sh's rows.tsv: one row per held-out genome, then group means.

Usage: scripts/generalisation-table.py ROWS.TSV > table.md   (standard library only)
"""
import csv
import sys
from collections import defaultdict

rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
by = defaultdict(dict)
order = []
for r in rows:
    if r["genome"] not in by:
        order.append(r["genome"])
    by[r["genome"]][r["tool"]] = r
baseline = any("baseline" in t for t in by.values())


def num(row, key):
    try:
        return float(row[key])
    except (KeyError, TypeError, ValueError):
        return float("nan")


head = ["genome", "group", "GC %", "fold", "ROC-AUC", "PR-AUC (non-coding)", "best MCC", "calls MCC", "calls F1",
        "genes MCC", "stops exact", "starts exact", "genes MCC --adapt", "Prodigal MCC", "Prodigal F1", "Prodigal stops", "Prodigal starts"]
if baseline:
    head += ["baseline ROC-AUC", "baseline best MCC"]
print("| " + " | ".join(head) + " |")
print("|" + "---|" * len(head))
for g in order:
    t = by[g]
    c, p = t.get("codingscan", {}), t.get("prodigal", {})
    cells = [g, c.get("group", ""), c.get("gc", ""), c.get("fold", "")]
    cells += [f"{num(c, k):.3f}" for k in ("roc_auc", "pr_auc_noncoding", "best_mcc", "mcc", "f1", "genes_mcc",
                                             "stops_exact", "starts_exact")]
    cells += [f"{num(t.get('adapt', {}), 'genes_mcc'):.3f}"]
    cells += [f"{num(p, k):.3f}" for k in ("mcc", "f1", "stops_exact", "starts_exact")]
    if baseline:
        b = t.get("baseline", {})
        cells += [f"{num(b, k):.3f}" for k in ("roc_auc", "best_mcc")]
    print("| " + " | ".join(cells) + " |")

groups = defaultdict(list)
for g in order:
    group = by[g]["codingscan"]["group"]
    groups[group].append(g)
    if group.startswith(("bacteria", "archaea")):
        groups["prokaryotes (all)"].append(g)
    if group.endswith("GC-rich"):
        groups["GC-rich (all)"].append(g)
print()
sums = ["group", "genomes", "mean ROC-AUC", "min ROC-AUC", "mean best MCC", "mean calls MCC", "mean genes MCC",
        "mean genes MCC --adapt", "mean Prodigal MCC"]
print("| " + " | ".join(sums) + " |")
print("|" + "---|" * len(sums))
for group in sorted(groups):
    members = groups[group]
    def mean(tool, key):
        values = [num(by[g][tool], key) for g in members if tool in by[g]]
        return sum(values) / len(values) if values else float("nan")
    low = min(num(by[g]["codingscan"], "roc_auc") for g in members)
    print(f"| {group} | {len(members)} | {mean('codingscan', 'roc_auc'):.3f} | {low:.3f} | "
          f"{mean('codingscan', 'best_mcc'):.3f} | {mean('codingscan', 'mcc'):.3f} | "
          f"{mean('codingscan', 'genes_mcc'):.3f} | {mean('adapt', 'genes_mcc'):.3f} | {mean('prodigal', 'mcc'):.3f} |")
