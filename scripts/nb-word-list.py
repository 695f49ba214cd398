#!/usr/bin/env python3
"""Makes the Norwegian passphrase word list (web/src/supporter/word-list-nb.ts's words).

Input: the bokmål and nynorsk lists of the Debian package `wnorwegian` 2.2-4
(GPL-2.0-or-later), e.g. `apt-get download wnorwegian && dpkg-deb -x wnorwegian_*.deb x`,
then `iconv -f latin1 -t utf8 x/usr/share/dict/bokmål > nb.txt` (and nynorsk > nn.txt).

Usage: scripts/nb-word-list.py nb.txt nn.txt > words.txt  (one word a line, sorted)
"""
import bisect
import re
import sys

nb_list = sorted(set(open(sys.argv[1], encoding='utf8').read().split('\n')) - {''})
nb = set(nb_list)
nn = set(open(sys.argv[2], encoding='utf8').read().split('\n'))


def prefix_count(word):
    """How many words of the list begin with `word`: compounds and inflections, a stand-in for frequency."""
    return bisect.bisect_left(nb_list, word + '\uffff') - bisect.bisect_left(nb_list, word)


def headword(w):
    noun = (w + 'en' in nb or w + 'et' in nb) and w + 'ene' in nb
    verb = w.endswith('e') and w + 'r' in nb and (w[:-1] + 'et' in nb or w[:-1] + 'te' in nb or w + 't' in nb)
    adjective = w + 'e' in nb and w + 't' in nb and w + 'ere' in nb
    return noun or verb or adjective


# Words about death, illness, violence or sex: not what a supporter should be handed.
UNWANTED = set('''mord drap selvmord kreft lik likhus suicid henge kvele skyte bombe krig pest sorg fitte
pikk kuk hore neger faen dritt drit rasist nazi voldtekt tortur grav gravlegge dreper drepe kvale gift
sykdom abort incest porno pervers homo lesbe jente gutt kropp naken sex sexy penis vagina anal rompe pupp
tiss bajs promp horer horing slave piske pisk lemleste massakre terror hat hate hevn skade lidelse angst
depresjon panikk sjalu dope narkoman heroin kokain alkohol fyll fylle kniv pistol rifle granat feig idiot
tosk dust kretin mongo spastiker krepere sulte myrde slakte kadaver klam'''.split())
# Common passwords: guessers try them first, and the strength check scores them low.
COMMON = set('password passord sommer vinter norge hemmelig velkommen fotball lege admin test login master dragon secret'.split())

candidates = [
    w for w in nb
    if re.fullmatch(r'[a-z]{4,8}', w) and w in nn and headword(w) and w not in UNWANTED and w not in COMMON
]
chosen = sorted(candidates, key=lambda w: (-prefix_count(w), w))[:4096]
print('\n'.join(sorted(chosen)))
