café = 1
π = 3.14159
名前 = 'name'
Δx = π * café
class Ñandú: pass
def größe(öl): return öl
