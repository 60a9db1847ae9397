#!/usr/bin/env python3
"""Markdown table of scripts/adapt-heldout.sh's rows: per genome the window track and the decoded track
(and the decoder's calls) without and with --adapt; '↓' marks a figure below the same figure without
--adapt. The "statistics only" columns are there when the rows have them (OLD=BINARY)."""
import collections
import csv
import sys

NAMES = {
    'caulobacter_crescentus_cb15': 'C. crescentus', 'staphylococcus_aureus_CP007454': 'S. aureus',
    'pyrococcus_furiosus': 'P. furiosus', 'saccharomyces_cerevisiae_chrI_II': 'yeast chrI+II', 'lambda_phage': 'lambda',
    'pseudomonas_fluorescens_CP008896': 'P. fluorescens', 'mycoplasma_gallisepticum': 'M. gallisepticum',
    'methanocaldococcus_jannaschii': 'M. jannaschii', 'trypanosoma_brucei_chr1': 'T. brucei chr1', 'mpox_virus': 'mpox',
    'haloferax_volcanii': 'H. volcanii', 'bsubtilis_168': 'B. subtilis', 'sulfolobus_acidocaldarius': 'S. acidocaldarius',
    'cryptosporidium_parvum_chr1': 'C. parvum chr1', 'ecoli_k12_mg1655': 'E. coli', 'klebsiella_k_loci': 'Klebsiella K loci',
    'athaliana_slice': 'A. thaliana slice', 'dmelanogaster_slice': 'D. melanogaster slice', 'ypestis_pPCP1': 'pPCP1',
}
EUKARYOTES = {'saccharomyces_cerevisiae_chrI_II', 'trypanosoma_brucei_chr1', 'cryptosporidium_parvum_chr1',
              'athaliana_slice', 'dmelanogaster_slice'}
GC_RICH = {'caulobacter_crescentus_cb15', 'pseudomonas_fluorescens_CP008896', 'haloferax_volcanii'}

rows, order = collections.defaultdict(dict), []
for r in csv.DictReader(open(sys.argv[1]), delimiter='\t'):
    if r['genome'] not in order:
        order.append(r['genome'])
    rows[r['genome']][r['variant']] = r
stats = all('decoded-adapt-stats' in rows[g] for g in order)
# (label, variant, column, variant it is compared with or None)
columns = [('window ROC-AUC', 'window', 'roc_auc', None), ('--adapt', 'window-adapt', 'roc_auc', 'window'),
           ('window best MCC', 'window', 'best_mcc', None), ('--adapt', 'window-adapt', 'best_mcc', 'window')]
for label, column in [('decoded ROC-AUC', 'roc_auc'), ('decoded best MCC', 'best_mcc'), ('calls MCC', 'calls_mcc')]:
    columns.append((label, 'decoded', column, None))
    if stats:
        columns.append(('statistics only', 'decoded-adapt-stats', column, None))
    columns.append(('--adapt', 'decoded-adapt', column, 'decoded'))
print('| genome (fold) | ' + ' | '.join(c[0] for c in columns) + ' |')
print('|---' * (len(columns) + 1) + '|')
groups = collections.defaultdict(list)
for g in order:
    values = [float(rows[g][variant][column]) for _, variant, column, _ in columns]
    cells = []
    for (_, _, column, base), value in zip(columns, values):
        worse = base is not None and value < float(rows[g][base][column]) - 0.0005
        cells.append('%.3f%s' % (value, '&nbsp;↓' if worse else ''))
    print('| %s (%s) | %s |' % (NAMES.get(g, g), rows[g]['window']['fold'], ' | '.join(cells)))
    groups['eukaryotes' if g in EUKARYOTES else 'prokaryotes and viruses'].append(values)
    if g in GC_RICH:
        groups['GC-rich'].append(values)
print()
print('Means:')
print()
print('| group | ' + ' | '.join(c[0] for c in columns) + ' |')
print('|---' * (len(columns) + 1) + '|')
for name in ['prokaryotes and viruses', 'GC-rich', 'eukaryotes']:
    if groups[name]:
        means = [sum(v[i] for v in groups[name]) / len(groups[name]) for i in range(len(columns))]
        print('| %s (%d) | %s |' % (name, len(groups[name]), ' | '.join('%.3f' % m for m in means)))
