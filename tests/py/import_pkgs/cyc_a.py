print("cyc_a start")
import import_pkgs.cyc_b as b
A_VALUE = "a"
def from_b():
    return b.B_VALUE
print("cyc_a end")
