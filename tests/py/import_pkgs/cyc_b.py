print("cyc_b start")
from import_pkgs import cyc_a
B_VALUE = "b"
print("cyc_b sees partially initialised cyc_a:", hasattr(cyc_a, "A_VALUE"))
