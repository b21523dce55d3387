"""Constants and functions for the st_mode of os.stat() results.

minipy's stat (CPython: Lib/stat.py), with Linux values.
"""

# Indices of the fields of the old stat tuple
ST_MODE = 0
ST_INO = 1
ST_DEV = 2
ST_NLINK = 3
ST_UID = 4
ST_GID = 5
ST_SIZE = 6
ST_ATIME = 7
ST_MTIME = 8
ST_CTIME = 9

# File types (st_mode & S_IFMT)
S_IFDOOR = 0o0
S_IFPORT = 0o0
S_IFWHT = 0o0
S_IFIFO = 0o10000
S_IFCHR = 0o20000
S_IFDIR = 0o40000
S_IFBLK = 0o60000
S_IFREG = 0o100000
S_IFLNK = 0o120000
S_IFSOCK = 0o140000

# Permission bits
S_IXOTH = 0o1
S_IWOTH = 0o2
S_IROTH = 0o4
S_IRWXO = 0o7
S_IXGRP = 0o10
S_IWGRP = 0o20
S_IRGRP = 0o40
S_IRWXG = 0o70
S_IEXEC = 0o100
S_IXUSR = 0o100
S_IWRITE = 0o200
S_IWUSR = 0o200
S_IREAD = 0o400
S_IRUSR = 0o400
S_IRWXU = 0o700
S_ISVTX = 0o1000
S_ISGID = 0o2000
S_ISUID = 0o4000

# BSD user flags (st_flags)
UF_NODUMP = 1
UF_IMMUTABLE = 2
UF_APPEND = 4
UF_OPAQUE = 8
UF_NOUNLINK = 16
UF_COMPRESSED = 32
UF_HIDDEN = 32768

# BSD super-user flags
SF_ARCHIVED = 65536
SF_IMMUTABLE = 131072
SF_APPEND = 262144
SF_NOUNLINK = 1048576
SF_SNAPSHOT = 2097152

# Windows file attributes (st_file_attributes)
FILE_ATTRIBUTE_READONLY = 1
FILE_ATTRIBUTE_HIDDEN = 2
FILE_ATTRIBUTE_SYSTEM = 4
FILE_ATTRIBUTE_DIRECTORY = 16
FILE_ATTRIBUTE_ARCHIVE = 32
FILE_ATTRIBUTE_DEVICE = 64
FILE_ATTRIBUTE_NORMAL = 128
FILE_ATTRIBUTE_TEMPORARY = 256
FILE_ATTRIBUTE_SPARSE_FILE = 512
FILE_ATTRIBUTE_REPARSE_POINT = 1024
FILE_ATTRIBUTE_COMPRESSED = 2048
FILE_ATTRIBUTE_OFFLINE = 4096
FILE_ATTRIBUTE_NOT_CONTENT_INDEXED = 8192
FILE_ATTRIBUTE_ENCRYPTED = 16384
FILE_ATTRIBUTE_INTEGRITY_STREAM = 32768
FILE_ATTRIBUTE_VIRTUAL = 65536
FILE_ATTRIBUTE_NO_SCRUB_DATA = 131072

S_ENFMT = 0o2000


def S_IMODE(mode):
    """The permission bits of a mode (what os.chmod() sets)."""
    return mode & 0o7777


def S_IFMT(mode):
    """The file-type bits of a mode."""
    return mode & 0o170000


def S_ISDIR(mode):
    """A directory?"""
    return S_IFMT(mode) == S_IFDIR


def S_ISCHR(mode):
    """A character device?"""
    return S_IFMT(mode) == S_IFCHR


def S_ISBLK(mode):
    """A block device?"""
    return S_IFMT(mode) == S_IFBLK


def S_ISREG(mode):
    """A regular file?"""
    return S_IFMT(mode) == S_IFREG


def S_ISFIFO(mode):
    """A FIFO (named pipe)?"""
    return S_IFMT(mode) == S_IFIFO


def S_ISLNK(mode):
    """A symbolic link?"""
    return S_IFMT(mode) == S_IFLNK


def S_ISSOCK(mode):
    """A socket?"""
    return S_IFMT(mode) == S_IFSOCK


def S_ISDOOR(mode):
    """A door (Solaris only: always False here)."""
    return False


def S_ISPORT(mode):
    """An event port (Solaris only: always False here)."""
    return False


def S_ISWHT(mode):
    """A whiteout (BSD only: always False here)."""
    return False


# For each position of an "ls -l" mode string, the (bits, letter) pairs
# to try in order; "-" when none matches.
_filemode_table = (
    ((S_IFLNK, "l"),
     (S_IFSOCK, "s"),
     (S_IFREG, "-"),
     (S_IFBLK, "b"),
     (S_IFDIR, "d"),
     (S_IFCHR, "c"),
     (S_IFIFO, "p")),

    ((S_IRUSR, "r"),),
    ((S_IWUSR, "w"),),
    ((S_IXUSR | S_ISUID, "s"),
     (S_ISUID, "S"),
     (S_IXUSR, "x")),

    ((S_IRGRP, "r"),),
    ((S_IWGRP, "w"),),
    ((S_IXGRP | S_ISGID, "s"),
     (S_ISGID, "S"),
     (S_IXGRP, "x")),

    ((S_IROTH, "r"),),
    ((S_IWOTH, "w"),),
    ((S_IXOTH | S_ISVTX, "t"),
     (S_ISVTX, "T"),
     (S_IXOTH, "x"))
)


def filemode(mode):
    """The "ls -l" form of a mode: filemode(0o100644) == '-rw-r--r--'."""
    # The file type letter is '?' for an unknown type (as CPython's C
    # version of this function).
    perm = [_type_letters.get(mode & 0o170000, "?")]
    for table in _filemode_table[1:]:
        for bit, char in table:
            if mode & bit == bit:
                perm.append(char)
                break
        else:
            perm.append("-")
    return "".join(perm)


_type_letters = {S_IFLNK: "l", S_IFSOCK: "s", S_IFREG: "-", S_IFBLK: "b",
                 S_IFDIR: "d", S_IFCHR: "c", S_IFIFO: "p"}
