"""argparse: command-line options, arguments and help, CPython's way.

An ArgumentParser holds Actions (one per add_argument): optionals named by
option strings (-t, --threads) and positionals named by their place.
parse_args() walks the command line: options (with abbreviations of long
names, --name=value, grouped short flags -vq and glued values -t4) are
handled as they come; the strings left over are shared out among the
positionals by their nargs (N, ?, *, +), the first positionals first.
Errors print the usage and "prog: error: ..." to stderr and exit with 2.
Help and usage are laid out as CPython 3.11 lays them out (width from
$COLUMNS, else the terminal, else 80).  Not provided: subparsers,
fromfile_prefix_chars, parse_intermixed_args, custom formatter classes
(the HelpFormatter names exist and format the default way).
"""
import os as _os
import sys as _sys
import textwrap as _textwrap

__all__ = ["ArgumentParser", "ArgumentError", "ArgumentTypeError", "Namespace", "Action",
           "FileType", "HelpFormatter", "RawDescriptionHelpFormatter",
           "RawTextHelpFormatter", "ArgumentDefaultsHelpFormatter",
           "MetavarTypeHelpFormatter", "BooleanOptionalAction",
           "ONE_OR_MORE", "OPTIONAL", "ZERO_OR_MORE", "SUPPRESS", "REMAINDER"]

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
REMAINDER = "..."


class HelpFormatter:
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        self.prog = prog


class RawDescriptionHelpFormatter(HelpFormatter):
    pass


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    pass


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    pass


class MetavarTypeHelpFormatter(HelpFormatter):
    pass


class Namespace:
    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        parts = []
        star = {}
        for name, value in self.__dict__.items():
            if name.isidentifier():
                parts.append("%s=%r" % (name, value))
            else:
                star[name] = value
        if star:
            parts.append("**%r" % (star,))
        return "Namespace(%s)" % ", ".join(parts)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = _action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


def _usage_words(text):
    """The pieces usage lines wrap between: bracketed groups whole, other
    text word by word."""
    import re
    return re.findall(r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+", text)


def _action_name(action):
    if action is None:
        return None
    if action.option_strings:
        return "/".join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar if isinstance(action.metavar, str) else action.metavar[0]
    if action.dest not in (None, SUPPRESS):
        return action.dest
    return None


class Action:
    """One argument: where its value goes (dest) and how it is stored."""
    takes_value = True

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def __repr__(self):
        names = ["option_strings", "dest", "nargs", "const", "default", "type", "choices",
                 "required", "help", "metavar"]
        return "%s(%s)" % (type(self).__name__,
                           ", ".join("%s=%r" % (n, getattr(self, n)) for n in names))

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError(".__call__() not defined")


class _StoreAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, **kwargs):
        if nargs == 0:
            raise ValueError("nargs for store actions must be != 0; if you have nothing to "
                             "store, actions such as store true or store const may be more appropriate")
        if const is not None and nargs != OPTIONAL:
            raise ValueError("nargs must be %r to supply const" % OPTIONAL)
        super().__init__(option_strings, dest, nargs=nargs, const=const, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    takes_value = False

    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        super().__init__(option_strings, dest, const=True, default=default,
                         required=required, help=help)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None):
        super().__init__(option_strings, dest, const=False, default=default,
                         required=required, help=help)


class _AppendAction(Action):
    def __call__(self, parser, namespace, values, option_string=None):
        items = list(getattr(namespace, self.dest, None) or [])
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    takes_value = False

    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = list(getattr(namespace, self.dest, None) or [])
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _ExtendAction(_AppendAction):
    def __call__(self, parser, namespace, values, option_string=None):
        items = list(getattr(namespace, self.dest, None) or [])
        items.extend(values)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    takes_value = False

    def __init__(self, option_strings, dest, default=None, required=False, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, required=required,
                         help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        setattr(namespace, self.dest, (count or 0) + 1)


class _HelpAction(Action):
    takes_value = False

    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    takes_value = False

    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        text = (self.version or parser.version or "") % {"prog": parser.prog}
        _sys.stdout.write(text + "\n")
        parser.exit()


class BooleanOptionalAction(Action):
    takes_value = False

    def __init__(self, option_strings, dest, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None):
        strings = []
        for s in option_strings:
            strings.append(s)
            if s.startswith("--"):
                strings.append("--no-" + s[2:])
        super().__init__(strings, dest, nargs=0, default=default, required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith("--no-"))

    def format_usage(self):
        return " | ".join(self.option_strings)


class FileType:
    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        self._mode, self._bufsize, self._encoding, self._errors = mode, bufsize, encoding, errors

    def __call__(self, string):
        if string == "-":
            return _sys.stdin if "r" in self._mode else _sys.stdout
        try:
            return open(string, self._mode, self._bufsize, self._encoding, self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))


_ACTIONS = {
    None: _StoreAction, "store": _StoreAction, "store_const": _StoreConstAction,
    "store_true": _StoreTrueAction, "store_false": _StoreFalseAction,
    "append": _AppendAction, "append_const": _AppendConstAction, "extend": _ExtendAction,
    "count": _CountAction, "help": _HelpAction, "version": _VersionAction,
}


class _Group:
    """A titled list of actions in the help (argument groups)."""

    def __init__(self, parser, title=None, description=None):
        self._parser = parser
        self.title = title
        self.description = description
        self._group_actions = []

    def add_argument(self, *args, **kwargs):
        action = self._parser.add_argument(*args, _group=self, **kwargs)
        return action

    def add_argument_group(self, *args, **kwargs):
        return self._parser.add_argument_group(*args, **kwargs)

    def add_mutually_exclusive_group(self, **kwargs):
        return self._parser.add_mutually_exclusive_group(**kwargs)


class _MutexGroup(_Group):
    def __init__(self, parser, required=False):
        super().__init__(parser)
        self.required = required

    def add_argument(self, *args, **kwargs):
        action = self._parser.add_argument(*args, _group=None, **kwargs)
        if action.required:
            raise ValueError("mutually exclusive arguments must be optional")
        self._group_actions.append(action)
        return action


class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(),
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True,
                 allow_abbrev=True, exit_on_error=True):
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv and _sys.argv[0] else "minipy"
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.prefix_chars = prefix_chars
        self.argument_default = argument_default
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self.version = None
        self._actions = []
        self._defaults = {}
        self._positionals = _Group(self, "positional arguments")
        self._optionals = _Group(self, "options")
        self._groups = [self._positionals, self._optionals]
        self._mutex_groups = []
        self._option_map = {}
        if add_help:
            self.add_argument("-h", "--help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            for action in parent._actions:
                if isinstance(action, _HelpAction):
                    continue
                self._add_action(action, None)
            self._defaults.update(parent._defaults)

    # -- building

    def add_argument(self, *args, _group=0, **kwargs):
        chars = self.prefix_chars
        if not args or (len(args) == 1 and args[0] and args[0][0] not in chars):
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            dest = args[0] if args else kwargs.pop("dest")
            kwargs["dest"] = dest
            option_strings = []
            nargs = kwargs.get("nargs")
            if nargs not in (OPTIONAL, ZERO_OR_MORE, REMAINDER) and nargs != 0:
                kwargs["required"] = True
            if nargs == ZERO_OR_MORE and "default" not in kwargs:
                kwargs["required"] = True
        else:
            option_strings = []
            long_name = None
            for s in args:
                if not s or s[0] not in chars:
                    raise ValueError("invalid option string %r: must start with a character %r"
                                     % (s, chars))
                option_strings.append(s)
                if long_name is None and len(s) > 1 and s[1] in chars:
                    long_name = s
            dest = kwargs.pop("dest", None)
            if dest is None:
                first = long_name or option_strings[0]
                dest = first.lstrip(chars).replace("-", "_")
                if not dest:
                    raise ValueError("dest= is required for options like %r" % first)
            kwargs["dest"] = dest
        if "default" not in kwargs:
            dest = kwargs["dest"]
            if dest in self._defaults:
                kwargs["default"] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default
        action_name = kwargs.pop("action", None)
        action_class = _ACTIONS.get(action_name, action_name) if not callable(action_name) \
            else action_name
        if not callable(action_class):
            raise ValueError("unknown action %r" % (action_name,))
        type_func = kwargs.get("type")
        if type_func is not None and not callable(type_func):
            raise ValueError("%r is not callable" % (type_func,))
        action = action_class(option_strings, **kwargs)
        group = _group if _group != 0 else None
        return self._add_action(action, group)

    def _add_action(self, action, group):
        for s in action.option_strings:
            if s in self._option_map:
                raise ArgumentError(action, "conflicting option string: %s" % s)
        for s in action.option_strings:
            self._option_map[s] = action
        self._actions.append(action)
        if group is None:
            group = self._optionals if action.option_strings else self._positionals
        group._group_actions.append(action)
        return action

    def add_argument_group(self, title=None, description=None, **kwargs):
        group = _Group(self, title, description)
        self._groups.append(group)
        return group

    def add_mutually_exclusive_group(self, required=False):
        group = _MutexGroup(self, required)
        self._mutex_groups.append(group)
        return group

    def add_subparsers(self, **kwargs):
        raise NotImplementedError("minipy's argparse has no subparsers")

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    # -- parsing

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error("unrecognized arguments: %s" % " ".join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        args = list(_sys.argv[1:] if args is None else args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest) and \
                    action.default is not SUPPRESS:
                setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        try:
            extras = self._parse(args, namespace)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))
        return namespace, extras

    def _match_option(self, arg):
        """(action, option string, glued value or None) for `arg`, or None."""
        if arg in self._option_map:
            return self._option_map[arg], arg, None
        if "=" in arg:
            name, value = arg.split("=", 1)
            if name in self._option_map:
                return self._option_map[name], name, value
        chars = self.prefix_chars
        if len(arg) > 1 and arg[1] in chars:
            if self.allow_abbrev:
                name = arg.split("=", 1)[0]
                hits = [s for s in self._option_map if s.startswith(name) and len(s) > 1 and s[1] in chars]
                if len(hits) > 1:
                    raise ArgumentError(None, "ambiguous option: %s could match %s"
                                        % (name, ", ".join(hits)))
                if hits:
                    value = arg.split("=", 1)[1] if "=" in arg else None
                    return self._option_map[hits[0]], hits[0], value
            return None
        short = arg[:2]
        if short in self._option_map:
            return self._option_map[short], short, arg[2:]
        return None

    def _looks_negative_number(self, arg):
        try:
            float(arg)
        except ValueError:
            return False
        return not any(s[1:2].isdigit() or s[1:2] == "." for s in self._option_map)

    def _is_option(self, arg):
        return len(arg) > 1 and arg[0] in self.prefix_chars and not self._looks_negative_number(arg)

    def _parse(self, args, namespace):
        seen = set()
        positional_strings = []
        remainder = None
        extras = []
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                positional_strings.extend(args[i + 1:])
                break
            if not self._is_option(arg):
                rest = self._remainder_split(args, i)
                if rest is not None:
                    # A REMAINDER positional: the positionals before it take
                    # this run of arguments, it takes everything after.
                    positional_strings.extend(args[i:i + rest])
                    remainder = args[i + rest:]
                    break
                positional_strings.append(arg)
                i += 1
                continue
            match = self._match_option(arg)
            if match is None:
                extras.append(arg)
                i += 1
                continue
            action, option_string, glued = match
            i += 1
            while True:
                self._check_conflict(action, seen)
                if not action.takes_value or action.nargs == 0:
                    if glued is not None and not (len(option_string) == 2 and
                                                  option_string[1] not in self.prefix_chars):
                        raise ArgumentError(action, "ignored explicit argument %r" % glued)
                    action(self, namespace, None, option_string)
                    seen.add(action)
                    if glued:
                        # grouped short flags: -vq
                        nxt = self.prefix_chars[0] + glued[0]
                        if nxt not in self._option_map:
                            raise ArgumentError(action, "ignored explicit argument %r" % glued)
                        action, option_string, glued = self._option_map[nxt], nxt, glued[1:] or None
                        continue
                    break
                if glued is not None and glued != "":
                    values = [glued]
                    if action.nargs not in (None, OPTIONAL, 1) and not isinstance(action.nargs, int):
                        pass
                else:
                    values = []
                    limit = self._max_count(action.nargs)
                    while i < len(args) and len(values) < limit and \
                            (not self._is_option(args[i]) or action.nargs == REMAINDER) and args[i] != "--":
                        values.append(args[i])
                        i += 1
                self._check_count(action, values)
                action(self, namespace, self._get_values(action, values), option_string)
                seen.add(action)
                break
        self._consume_positionals(positional_strings, namespace, seen, extras, remainder)
        missing = [_action_name(a) for a in self._actions
                   if a.required and a not in seen]
        if missing:
            raise ArgumentError(None, "the following arguments are required: %s"
                                % ", ".join(missing))
        for group in self._mutex_groups:
            if group.required and not any(a in seen for a in group._group_actions):
                names = [_action_name(a) for a in group._group_actions if a.help is not SUPPRESS]
                raise ArgumentError(None, "one of the arguments %s is required" % " ".join(names))
        for action in self._actions:
            if action not in seen and isinstance(action.default, str) and \
                    action.dest is not SUPPRESS and getattr(namespace, action.dest, None) is action.default:
                setattr(namespace, action.dest, self._convert(action, action.default))
        return extras

    def _check_conflict(self, action, seen):
        for group in self._mutex_groups:
            if action in group._group_actions:
                for other in group._group_actions:
                    if other is not action and other in seen:
                        raise ArgumentError(action, "not allowed with argument %s"
                                            % _action_name(other))

    @staticmethod
    def _max_count(nargs):
        if nargs is None or nargs == OPTIONAL:
            return 1
        if isinstance(nargs, int):
            return nargs
        return 1 << 30

    def _check_count(self, action, values):
        nargs = action.nargs
        n = len(values)
        if nargs is None and n != 1:
            raise ArgumentError(action, "expected one argument")
        if nargs == ONE_OR_MORE and n < 1:
            raise ArgumentError(action, "expected at least one argument")
        if isinstance(nargs, int) and n != nargs:
            raise ArgumentError(action, "expected %d argument%s" % (nargs, "" if nargs == 1 else "s"))

    def _remainder_split(self, args, i):
        """With a REMAINDER positional not yet reached: how many of the
        non-option arguments from args[i] the positionals before it take
        (greedily); else None."""
        positionals = [a for a in self._actions if not a.option_strings]
        if not any(a.nargs == REMAINDER for a in positionals):
            return None
        prior = positionals[:[a.nargs for a in positionals].index(REMAINDER)]
        run = 0
        while i + run < len(args) and not self._is_option(args[i + run]) and args[i + run] != "--":
            run += 1
        if any(a.nargs in (ZERO_OR_MORE, ONE_OR_MORE) for a in prior):
            return run
        return min(run, sum(1 if a.nargs in (None, OPTIONAL) else a.nargs for a in prior))

    def _consume_positionals(self, strings, namespace, seen, extras, remainder=None):
        positionals = [a for a in self._actions if not a.option_strings]
        if remainder is not None:
            action = next(a for a in positionals if a.nargs == REMAINDER)
            positionals = positionals[:positionals.index(action)]
            action(self, namespace, remainder, None)
            seen.add(action)
        mins = [{None: 1, OPTIONAL: 0, ZERO_OR_MORE: 0, ONE_OR_MORE: 1, REMAINDER: 0}.get(a.nargs, a.nargs)
                if not isinstance(a.nargs, int) else a.nargs for a in positionals]
        # The longest prefix of positionals the strings can satisfy.
        k = len(positionals)
        while k > 0 and sum(mins[:k]) > len(strings):
            k -= 1
        left = len(strings)
        pos = 0
        for index in range(k):
            action = positionals[index]
            rest = sum(mins[index + 1:k])
            nargs = action.nargs
            if nargs is None:
                count = 1
            elif isinstance(nargs, int):
                count = nargs
            elif nargs == OPTIONAL:
                count = 1 if left - rest >= 1 else 0
            else:
                count = max(left - rest, mins[index])
            values = strings[pos:pos + count]
            pos += count
            left -= count
            if nargs == OPTIONAL and not values:
                value = action.default
                if isinstance(value, str):
                    value = self._convert(action, value)
                self._check_choice(action, value) if values else None
            elif nargs == ZERO_OR_MORE and not values:
                value = action.default if action.default is not None else []
            else:
                value = self._get_values(action, values)
            action(self, namespace, value, None)
            seen.add(action)
        extras.extend(strings[pos:])

    def _get_values(self, action, values):
        nargs = action.nargs
        if nargs == OPTIONAL and not values and action.option_strings:
            value = action.const
            if isinstance(value, str):
                value = self._convert(action, value)
            return value
        if nargs == REMAINDER:
            return values
        converted = [self._convert(action, v) for v in values]
        for v in converted:
            self._check_choice(action, v)
        if nargs is None or nargs == OPTIONAL:
            return converted[0]
        return converted

    def _convert(self, action, string):
        func = action.type
        if func is None:
            return string
        try:
            return func(string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(func, "__name__", repr(func))
            raise ArgumentError(action, "invalid %s value: %r" % (name, string))

    def _check_choice(self, action, value):
        if action.choices is not None and value not in action.choices:
            raise ArgumentError(action, "invalid choice: %r (choose from %s)"
                                % (value, ", ".join(map(repr, action.choices))))

    # -- help

    def _width(self):
        try:
            columns = int(_os.environ["COLUMNS"])
        except (KeyError, ValueError):
            try:
                import shutil
                columns = shutil.get_terminal_size().columns
            except Exception:
                columns = 80
        return columns - 2

    def _metavar(self, action, default):
        if action.metavar is not None:
            return action.metavar
        if action.choices is not None:
            return "{%s}" % ",".join(map(str, action.choices))
        return default

    def _args_text(self, action, default):
        metavar = self._metavar(action, default)
        parts = metavar if isinstance(metavar, tuple) else None

        def m(i=0):
            return parts[i] if parts else metavar

        nargs = action.nargs
        if nargs is None:
            return m()
        if nargs == OPTIONAL:
            return "[%s]" % m()
        if nargs == ZERO_OR_MORE:
            return "[%s ...]" % m()
        if nargs == ONE_OR_MORE:
            return "%s [%s ...]" % (m(0), m(1) if parts and len(parts) > 1 else m(0))
        if nargs == REMAINDER:
            return "..."
        return " ".join(m(i) if parts else metavar for i in range(nargs))

    def _usage_part(self, action):
        if action.option_strings:
            if isinstance(action, BooleanOptionalAction):
                text = action.format_usage()
            elif not action.takes_value or action.nargs == 0:
                text = action.option_strings[0]
            else:
                text = "%s %s" % (action.option_strings[0],
                                  self._args_text(action, action.dest.upper()))
            return text if action.required else "[%s]" % text
        return self._args_text(action, action.dest)

    def format_usage(self):
        return self._format_usage() + "\n"

    def _format_usage(self):
        prefix = "usage: "
        if self.usage is not None:
            return prefix + self.usage % {"prog": self.prog}
        visible = [a for a in self._actions if a.help is not SUPPRESS]
        opt_parts = []
        done = set()
        for action in visible:
            if not action.option_strings or action in done:
                continue
            group = next((g for g in self._mutex_groups if action in g._group_actions), None)
            members = [a for a in group._group_actions if a.help is not SUPPRESS] if group else []
            if len(members) > 1:
                # a mutually exclusive group: [-a | -b], or (-a | -b) if required
                inner = []
                for a in members:
                    done.add(a)
                    text = self._usage_part(a)
                    if not a.required and text.startswith("["):
                        text = text[1:-1]
                    inner.append(text)
                text = " | ".join(inner)
                opt_parts.append(("(%s)" if group.required else "[%s]") % text)
            else:
                # (un-bracketed parts wrap word by word, as in CPython)
                opt_parts.extend(_usage_words(self._usage_part(action)))
        pos_parts = []
        for action in visible:
            if not action.option_strings:
                pos_parts.extend(_usage_words(self._usage_part(action)))
        text = " ".join([self.prog] + opt_parts + pos_parts)
        width = self._width()
        if len(prefix) + len(text) <= width:
            return prefix + text

        def lines_of(parts, indent, first_prefix=None):
            lines, line = [], []
            length = len(first_prefix) - 1 if first_prefix is not None else len(indent) - 1
            for part in parts:
                if line and length + 1 + len(part) > width:
                    lines.append(indent + " ".join(line))
                    line, length = [], len(indent) - 1
                line.append(part)
                length += len(part) + 1
            if line:
                lines.append(indent + " ".join(line))
            if first_prefix is not None:
                lines[0] = lines[0][len(indent):]
            return lines

        if len(prefix) + len(self.prog) <= 0.75 * width:
            indent = " " * (len(prefix) + len(self.prog) + 1)
            if opt_parts:
                lines = lines_of([self.prog] + opt_parts, indent, prefix)
                lines.extend(lines_of(pos_parts, indent))
            elif pos_parts:
                lines = lines_of([self.prog] + pos_parts, indent, prefix)
            else:
                lines = [self.prog]
        else:
            indent = " " * len(prefix)
            lines = lines_of(opt_parts + pos_parts, indent)
            lines = [self.prog] + lines
        return prefix + "\n".join(lines)

    def _invocation(self, action):
        if not action.option_strings:
            metavar = self._metavar(action, action.dest)
            return metavar if isinstance(metavar, str) else ", ".join(metavar)
        if not action.takes_value or action.nargs == 0:
            return ", ".join(action.option_strings)
        args = self._args_text(action, action.dest.upper())
        return ", ".join("%s %s" % (s, args) for s in action.option_strings)

    def _expand_help(self, action):
        params = dict(vars(action), prog=self.prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
        if params.get("choices") is not None:
            params["choices"] = ", ".join(map(str, params["choices"]))
        text = action.help
        if issubclass(self.formatter_class, ArgumentDefaultsHelpFormatter) and \
                "%(default)" not in text and action.default is not SUPPRESS and \
                (action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE)):
            text += " (default: %(default)s)"
        return text % params

    def _fill(self, text, width, indent):
        if issubclass(self.formatter_class, RawDescriptionHelpFormatter):
            return "\n".join(indent + line for line in text.splitlines())
        text = " ".join(text.split())
        return _textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)

    def format_help(self):
        width = self._width()
        out = [self._format_usage() + "\n"]
        if self.description:
            out.append("\n" + self._fill(self.description, width, "") + "\n")
        groups = [g for g in self._groups if g._group_actions or g.description]
        visible_all = [a for a in self._actions if a.help is not SUPPRESS]
        inv_max = max([len(self._invocation(a)) + 2 for a in visible_all] or [0])
        help_position = min(inv_max + 2, min(24, max(width - 20, 4)))
        help_width = max(width - help_position, 11)
        for group in groups:
            actions = [a for a in group._group_actions if a.help is not SUPPRESS]
            if not actions and not group.description:
                continue
            out.append("\n%s:\n" % group.title)
            if group.description:
                out.append(self._fill(group.description, width, "  ") + "\n\n" if actions
                           else self._fill(group.description, width, "  ") + "\n")
            for action in actions:
                inv = self._invocation(action)
                action_width = help_position - 2 - 2
                if action.help:
                    if issubclass(self.formatter_class, RawTextHelpFormatter):
                        help_lines = self._expand_help(action).splitlines()
                    else:
                        help_lines = _textwrap.wrap(" ".join(self._expand_help(action).split()),
                                                    help_width)
                else:
                    help_lines = []
                if not help_lines:
                    out.append("  %s\n" % inv)
                    continue
                if len(inv) <= action_width:
                    out.append("  %-*s  %s\n" % (action_width, inv, help_lines[0]))
                    rest = help_lines[1:]
                else:
                    out.append("  %s\n" % inv)
                    rest = help_lines
                for line in rest:
                    out.append(" " * help_position + line + "\n")
        if self.epilog:
            out.append("\n" + self._fill(self.epilog, width, "") + "\n")
        return "".join(out)

    def print_usage(self, file=None):
        (file or _sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or _sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            _sys.stderr.write(message)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))
