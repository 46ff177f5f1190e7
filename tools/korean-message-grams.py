#!/usr/bin/env python3
"""Derives colloquy-core's Korean syllable n-gram counts (korean-message-grams.tsv) from the Korean messages
that the JDK's java.xml module ships (Apache Xerces' and Xalan's messages, translated; Apache-2.0).

Why: the character model's Korean bigrams and trigrams come from language-detector's Wikipedia profile, where the
polite endings of messages and chat are rare or pruned (습니 and 십시 are absent), so a lost byte in 없습니다 filled
to 없최니다. These messages are the other register: ~2,000 sentences of error and usage text.

Usage: tools/korean-message-grams.py [JAVA_HOME] > colloquy-core/src/main/resources/dev/colloquy/repair/korean-message-grams.tsv
Reads $JAVA_HOME/lib/modules with jimage (JDK 17). Writes, per line, a run of 1-3 Hangul syllables inside a word
(or a space and the syllable a word starts with after it) and its count (grams counted twice or more only), most
frequent first.
"""
import collections
import os
import re
import struct
import subprocess
import sys
import tempfile

HANGUL = re.compile('[\uac00-\ud7a3]+')


def properties_values(text):
    """The values of a .properties file, escapes resolved (\\uXXXX, continuation lines)."""
    text = re.sub(r'\\\r?\n[ \t]*', '', text)
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in '#!':
            continue
        m = re.match(r'(?:\\.|[^=:\s])+\s*[=:\s]\s*(.*)', line)
        if m:
            yield re.sub(r'\\u([0-9a-fA-F]{4})', lambda u: chr(int(u.group(1), 16)), m.group(1))


def class_strings(data):
    """The CONSTANT_Utf8 entries of a class file's constant pool (a ListResourceBundle's messages)."""
    count = struct.unpack('>H', data[8:10])[0]
    pos, index = 10, 1
    while index < count:
        tag = data[pos]
        if tag == 1:
            length = struct.unpack('>H', data[pos + 1:pos + 3])[0]
            raw = data[pos + 3:pos + 3 + length]
            yield raw.replace(b'\xc0\x80', b'\x00').decode('utf-8', errors='replace')
            pos += 3 + length
        elif tag in (3, 4, 9, 10, 11, 12, 17, 18):
            pos += 5
        elif tag in (5, 6):
            pos += 9
            index += 1
        elif tag in (7, 8, 16, 19, 20):
            pos += 3
        elif tag == 15:
            pos += 4
        else:
            raise ValueError('unknown constant pool tag %d' % tag)
        index += 1


def main():
    java_home = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('JAVA_HOME', '/usr/lib/jvm/java-17-openjdk-amd64')
    counts = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['jimage', 'extract', '--dir', tmp, '--include', r'regex:/java\.xml/.*_ko\.(properties|class)',
                        os.path.join(java_home, 'lib', 'modules')], check=True)
        for root, _, files in os.walk(tmp):
            for name in sorted(files):
                path = os.path.join(root, name)
                with open(path, 'rb') as f:
                    data = f.read()
                strings = class_strings(data) if name.endswith('.class') else properties_values(data.decode('iso-8859-1'))
                for s in strings:
                    for match in HANGUL.finditer(s):
                        run = match.group()
                        if match.start() > 0 and s[match.start() - 1] == ' ':
                            counts[' ' + run[0]] += 1
                        for n in (1, 2, 3):
                            for i in range(len(run) - n + 1):
                                counts[run[i:i + n]] += 1
    print('# Korean syllable 1-3-grams inside words, and " x" for a word that starts with x after a space, counted in')
    print('# the Korean messages of OpenJDK 17\'s java.xml module')
    print('# (Apache Xerces and Xalan, translated; Apache License 2.0); made by tools/korean-message-grams.py.')
    for gram, count in sorted(counts.items(), key=lambda e: (-e[1], e[0])):
        if count >= 2:
            print('%s\t%d' % (gram, count))


if __name__ == '__main__':
    main()
