# Tutorial (multiprocessing, first steps): five processes started and joined
# one after the other, unchanged.
import multiprocessing

def spawn():
    print('test!')

if __name__ == '__main__':
    for i in range(5):
        p = multiprocessing.Process(target=spawn)
        p.start()
        p.join() # cette ligne vous permet d'attendre les processus
