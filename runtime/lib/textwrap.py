"""Text wrapping and filling.

minipy's textwrap (CPython: Lib/textwrap.py), rewritten on the same
algorithm so that lines break in the same places:

 1. the text is cleaned up (tabs expanded, whitespace made spaces);
 2. it is cut into chunks: runs of whitespace, and words (a hyphenated
    word may be cut after its hyphens, "--" em-dashes stand alone);
 3. chunks are packed greedily into lines of at most `width` characters,
    cutting words longer than a line when break_long_words is true.

    wrap(text, width=70, ...)   -> list of lines
    fill(text, width=70, ...)   -> one string
    shorten(text, width, ...)   -> collapsed and truncated with " [...]"
    dedent(text), indent(text, prefix)
"""

import re

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only ASCII whitespace counts (not the non-breaking space).
_whitespace = '\t\n\x0b\x0c\r '


class TextWrapper:
    """Wraps paragraphs of text; the attributes (set by keyword) control
    the result:

    width              maximum line length (default 70)
    initial_indent     prefix of the first line
    subsequent_indent  prefix of the other lines
    expand_tabs        expand tabs to spaces first (tabsize, default 8)
    replace_whitespace turn every whitespace character into a space
    fix_sentence_endings  two spaces after a sentence's final period
    break_long_words   cut words longer than a line
    drop_whitespace    drop whitespace at the start and end of lines
    break_on_hyphens   allow line breaks after hyphens in words
    max_lines          truncate to that many lines, ending with placeholder
    placeholder        what marks a truncation (default ' [...]')
    """

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    # Chunking.  A chunk is one of: a run of whitespace; an em-dash
    # ("--" or longer) between words; or a word, possibly cut just after a
    # hyphen that has a letter-hyphen-letter pattern around it.
    _word_punct = r'[\w!"\'&.,?]'
    _letter = r'[^\d\W]'
    _ws = r'[%s]' % re.escape(_whitespace)
    _nws = '[^' + _ws[1:]
    wordsep_re = re.compile(
        '(' +
        _ws + '+' +                                      # whitespace
        '|(?<=' + _word_punct + r')-{2,}(?=\w)' +        # em-dash
        '|' + _nws + '+?(?:' +                           # a word, up to:
        '-(?:(?<=' + _letter + '{2}-)|(?<=' + _letter + '-' + _letter + '-))'
        '(?=' + _letter + '-?' + _letter + ')' +         # a hyphen to break at
        '|(?=' + _ws + r'|\Z)' +                         # the end of the word
        '|(?<=' + _word_punct + r')(?=-{2,}\w)' +        # an em-dash
        '))')
    wordsep_simple_re = re.compile(r'(%s+)' % _ws)
    del _word_punct, _letter, _ws, _nws

    # A sentence end: lowercase letter, . ! or ?, maybe a closing quote.
    sentence_end_re = re.compile(r'[a-z][\.\!\?][\"\']?\Z')

    def __init__(self,
                 width=70,
                 initial_indent="",
                 subsequent_indent="",
                 expand_tabs=True,
                 replace_whitespace=True,
                 fix_sentence_endings=False,
                 break_long_words=True,
                 drop_whitespace=True,
                 break_on_hyphens=True,
                 tabsize=8,
                 *,
                 max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- preparing the chunks

    def _munge_whitespace(self, text):
        """Expand tabs and make every whitespace character a space."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Cut text into the chunks described above (empty ones dropped)."""
        if self.break_on_hyphens is True:
            chunks = self.wordsep_re.split(text)
        else:
            chunks = self.wordsep_simple_re.split(text)
        return [c for c in chunks if c]

    def _fix_sentence_endings(self, chunks):
        """Make the space after a sentence end two spaces, in place."""
        i = 0
        patsearch = self.sentence_end_re.search
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and patsearch(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Put (part of) a word too long for any line on the current line."""
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer cutting just after a hyphen, unless the text
                # before it is only hyphens.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Pack chunks into lines (see the class docstring)."""
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        # Chunks are consumed from the end of the list, so reverse it.
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)

            # Whitespace at the start of a line (but the first) goes.
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]

            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))

            # So does whitespace at the end of a line.
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]

            if cur_line:
                if (self.max_lines is None or
                        len(lines) + 1 < self.max_lines or
                        (not chunks or
                         self.drop_whitespace and
                         len(chunks) == 1 and
                         not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                else:
                    # The last allowed line: end it with the placeholder,
                    # dropping words until it fits.
                    while cur_line:
                        if (cur_line[-1].strip() and
                                cur_len + len(self.placeholder) <= width):
                            cur_line.append(self.placeholder)
                            lines.append(indent + ''.join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if (len(prev_line) + len(self.placeholder) <=
                                    self.width):
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    # -- public interface

    def wrap(self, text):
        """The lines of text wrapped to self.width (without newlines)."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """wrap(text) joined with newlines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap one paragraph into lines of at most width characters; returns
    the list of lines.  Keyword arguments are TextWrapper attributes."""
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    """Wrap one paragraph and return it as a single string with newlines."""
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    """Collapse the whitespace of text; if it is then longer than width,
    keep as many words as fit and end with the placeholder ' [...]'.

        >>> shorten("Hello  world!", width=11)
        'Hello [...]'
    """
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


_whitespace_only_re = re.compile('^[ \t]+$', re.MULTILINE)
_leading_whitespace_re = re.compile('(^[ \t]*)(?:[^ \t\n])', re.MULTILINE)


def dedent(text):
    """Remove the whitespace prefix common to every non-blank line.

    Lines of only spaces and tabs become empty; tabs and spaces are not
    equivalent ("  hello" and "\\thello" have no common prefix).
    """
    margin = None
    text = _whitespace_only_re.sub('', text)
    indents = _leading_whitespace_re.findall(text)
    for indent in indents:
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            # The longest common prefix of the two.
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break
    if margin:
        text = re.sub(r'(?m)^' + margin, '', text)
    return text


def indent(text, prefix, predicate=None):
    """Add prefix to the lines of text for which predicate(line) is true
    (by default: the lines that are not only whitespace)."""
    if predicate is None:
        def predicate(line):
            return line.strip()

    def prefixed_lines():
        for line in text.splitlines(True):
            yield (prefix + line if predicate(line) else line)
    return ''.join(prefixed_lines())
