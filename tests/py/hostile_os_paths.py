# os.path.normpath on long and odd paths (no silent truncation).
import os.path
for p in ["a/" * 3000, "/" + "x/../" * 2000 + "y", "//a//b/./c/..", "///a", "", ".", "..",
          "../../a/..", "/..", "a/" * 1500 + "../" * 1499, "a" * 5000]:
    r = os.path.normpath(p)
    print(len(p), len(r), r[:40])
