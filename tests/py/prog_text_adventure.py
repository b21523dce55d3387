# A tiny text adventure driven by input() (commands in prog_text_adventure.in).
rooms = {
    "hall": {"desc": "a long hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "dusty shelves", "exits": {"south": "hall"}, "items": ["book", "key"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall"}, "items": []},
}
location = "hall"
inventory = []
moves = 0
while True:
    room = rooms[location]
    try:
        command = input(f"[{location}] > ").strip().lower()
    except EOFError:
        print("\nend of input")
        break
    if not command:
        continue
    verb, _, noun = command.partition(" ")
    moves += 1
    if verb == "look":
        items = ", ".join(room["items"]) or "nothing"
        print(f"You see {room['desc']}. Items: {items}. Exits: {', '.join(sorted(room['exits']))}")
    elif verb == "go":
        if noun in room["exits"]:
            location = room["exits"][noun]
            print(f"You go {noun}.")
        else:
            print(f"You can't go {noun!r} from here.")
    elif verb == "take":
        if noun in room["items"]:
            room["items"].remove(noun)
            inventory.append(noun)
            print(f"Taken: {noun}")
        else:
            print(f"There is no {noun} here.")
    elif verb in ("inventory", "i"):
        print("You carry:", sorted(inventory) or "nothing")
    elif verb == "quit":
        print(f"Bye after {moves} moves with {len(inventory)} items.")
        break
    else:
        print(f"I don't understand {verb!r}.")
