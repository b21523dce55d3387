# Graph algorithms with dicts, sets and deques: BFS shortest path, DFS, topological sort, components.
from collections import deque
graph = {
    "A": ["B", "C"], "B": ["D"], "C": ["D", "E"], "D": ["F"], "E": ["F"], "F": [],
    "X": ["Y"], "Y": [],
}
def bfs_path(start, goal):
    queue = deque([[start]])
    seen = {start}
    while queue:
        path = queue.popleft()
        node = path[-1]
        if node == goal:
            return path
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(path + [nxt])
    return None
def dfs(node, seen=None):
    seen = [] if seen is None else seen
    seen.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            dfs(nxt, seen)
    return seen
def topo_sort():
    indegree = {n: 0 for n in graph}
    for targets in graph.values():
        for t in targets:
            indegree[t] += 1
    ready = deque(sorted(n for n, d in indegree.items() if d == 0))
    order = []
    while ready:
        n = ready.popleft()
        order.append(n)
        for t in graph[n]:
            indegree[t] -= 1
            if indegree[t] == 0:
                ready.append(t)
    return order
def components():
    undirected = {n: set() for n in graph}
    for n, targets in graph.items():
        for t in targets:
            undirected[n].add(t)
            undirected[t].add(n)
    seen, groups = set(), []
    for n in sorted(undirected):
        if n in seen:
            continue
        group, stack = [], [n]
        while stack:
            cur = stack.pop()
            if cur in seen:
                continue
            seen.add(cur)
            group.append(cur)
            stack.extend(sorted(undirected[cur] - seen))
        groups.append(sorted(group))
    return groups
print(bfs_path("A", "F"), bfs_path("A", "Y"), bfs_path("X", "Y"))
print(dfs("A"), topo_sort(), components())
grid = ["S.#", ".##", "..E"]
def grid_bfs():
    rows, cols = len(grid), len(grid[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "S")
    dist = {start: 0}
    q = deque([start])
    while q:
        r, c = q.popleft()
        if grid[r][c] == "E":
            return dist[(r, c)]
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                q.append((nr, nc))
    return -1
print("grid distance:", grid_bfs())
