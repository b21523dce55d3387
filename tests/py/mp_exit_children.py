# At exit, non-daemonic children are waited for and daemonic ones are
# terminated, even when the program never joins them.
import time
import multiprocessing as mp


def late():
    time.sleep(0.2)
    print('late child finished')


def forever():
    time.sleep(60)
    print('never printed')


if __name__ == '__main__':
    mp.Process(target=late).start()
    mp.Process(target=forever, daemon=True).start()
    print('main ends without join')
