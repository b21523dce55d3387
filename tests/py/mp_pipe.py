# multiprocessing.Pipe and Connection: objects and raw messages between
# processes, both directions, poll(), end of file, misuse.
import multiprocessing as mp


def echo(conn):
    while True:
        try:
            obj = conn.recv()
        except EOFError:
            break
        if obj == 'stop':
            break
        conn.send(('echo', obj))
    conn.send_bytes(b'raw bytes')
    conn.send_bytes(b'0123456789', 2, 5)
    conn.close()


def writer(conn, n):
    for i in range(n):
        conn.send(i)
    conn.send(bytes(300000))    # bigger than a pipe: the reader must keep up
    conn.close()


if __name__ == '__main__':
    here, there = mp.Pipe()
    p = mp.Process(target=echo, args=(there,))
    p.start()
    there.close()
    for obj in [1, 'two', [3.0, {'four': (5,)}], None, b'six', 2**100]:
        here.send(obj)
        print(here.recv())
    print('poll before', here.poll())
    here.send('stop')
    print(here.recv_bytes(), here.recv_bytes())
    print('poll at end of file', here.poll(1))
    try:
        here.recv()
    except EOFError as e:
        print('EOFError', repr(e))
    p.join()
    here.close()
    print('closed', here.closed)
    try:
        here.send(1)
    except OSError as e:
        print('OSError', e)

    r, w = mp.Pipe(duplex=False)
    print(r.readable, r.writable, w.readable, w.writable)
    p = mp.Process(target=writer, args=(w, 1000))
    p.start()
    w.close()
    got = [r.recv() for _ in range(1000)]
    big = r.recv()
    print(got == list(range(1000)), len(big))
    p.join()
    for action, conn in (('send', r), ('recv', w)):
        try:
            getattr(conn, action)(*((1,) if action == 'send' else ()))
        except OSError as e:
            print(action, 'OSError', e)
    buf = bytearray(10)
    a, b = mp.Pipe()
    a.send_bytes(b'xyz')
    print(b.recv_bytes_into(buf, 2), buf)
    a.send_bytes(b'0123456789abc')
    try:
        b.recv_bytes_into(buf)
    except mp.BufferTooShort as e:
        print('BufferTooShort', e.args[0])
    a.send_bytes(b'long message')
    try:
        b.recv_bytes(4)
    except OSError as e:
        print('OSError', e)
    with a, b:
        pass
    print(a.closed, b.closed)
