/* tests/repl/pty_driver.c: drive an interactive program through a
 * pseudo-terminal, as a person at a keyboard would.
 *
 *   pty_driver TRANSCRIPT PROGRAM [ARG...] < SCRIPT
 *
 * Starts PROGRAM on a new pty (so isatty() is true and GNU readline is
 * used), then follows SCRIPT, one command per line:
 *
 *   send TEXT      type TEXT; C escapes \n \t \\ and \xHH work, so "\x03"
 *                  is Ctrl-C, "\x04" Ctrl-D and "\t" the Tab key
 *   expect TEXT    wait (up to 10 s) until TEXT appears in the output
 *                  after the previous match; TEXT takes the same escapes
 *   wait           wait for PROGRAM to exit; prints "exit N" (or
 *                  "signal N") on stdout
 *   # ...          a comment
 *
 * Everything PROGRAM writes is copied to TRANSCRIPT.  On a failed expect
 * the driver prints what it waited for, kills PROGRAM and exits 1, so a
 * test script can show the transcript.  Used by tests/repl/repl_test.sh.
 * Plain POSIX + forkpty(); it does not link with minipy.
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TIMEOUT_MS 10000

static char output[1 << 20]; /* everything read from the pty so far */
static size_t output_len;
static size_t matched;       /* expect searches from here */
static FILE *transcript;
static int master = -1;
static pid_t child;

/* Decode C escapes in place; returns the new length. */
static size_t unescape(char *s)
{
    char *out = s;
    for (char *p = s; *p != '\0'; p++) {
        if (*p != '\\' || p[1] == '\0') {
            *out++ = *p;
            continue;
        }
        p++;
        switch (*p) {
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 't': *out++ = '\t'; break;
        case '\\': *out++ = '\\'; break;
        case 'x': {
            char hex[3] = {p[1], p[1] ? p[2] : '\0', '\0'};
            *out++ = (char)strtol(hex, NULL, 16);
            p += 2;
            break;
        }
        default: *out++ = *p; break;
        }
    }
    *out = '\0';
    return (size_t)(out - s);
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Read what the program wrote within `ms` milliseconds.  Returns 0, or -1
 * at end of file (the program closed the terminal). */
static int pump(int ms)
{
    struct pollfd pfd = {.fd = master, .events = POLLIN};
    int r = poll(&pfd, 1, ms);
    if (r <= 0)
        return 0;
    char buf[4096];
    ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0)
        return -1;
    if (output_len + (size_t)n < sizeof output) {
        memcpy(output + output_len, buf, (size_t)n);
        output_len += (size_t)n;
    }
    fwrite(buf, 1, (size_t)n, transcript);
    fflush(transcript);
    return 0;
}

static const char *find(const char *text, size_t len)
{
    if (len == 0)
        return output + matched;
    for (size_t i = matched; i + len <= output_len; i++) {
        if (memcmp(output + i, text, len) == 0)
            return output + i;
    }
    return NULL;
}

static int expect(const char *text, size_t len)
{
    long deadline = now_ms() + TIMEOUT_MS;
    for (;;) {
        const char *at = find(text, len);
        if (at != NULL) {
            matched = (size_t)(at - output) + len;
            return 0;
        }
        long left = deadline - now_ms();
        if (left <= 0 || pump(left > 100 ? 100 : (int)left) < 0) {
            if (find(text, len) != NULL)
                continue;
            fprintf(stderr, "pty_driver: timed out waiting for \"%s\"\n", text);
            return -1;
        }
    }
}

static int wait_exit(void)
{
    int status;
    long deadline = now_ms() + TIMEOUT_MS;
    for (;;) {
        pid_t r = waitpid(child, &status, WNOHANG);
        if (r == child)
            break;
        if (now_ms() > deadline) {
            fprintf(stderr, "pty_driver: the program did not exit\n");
            return -1;
        }
        if (pump(50) < 0)
            usleep(10000);
    }
    while (pump(0) == 0 && output_len < sizeof output - 4096) {
        struct pollfd pfd = {.fd = master, .events = POLLIN};
        if (poll(&pfd, 1, 0) <= 0)
            break;
    }
    if (WIFEXITED(status))
        printf("exit %d\n", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("signal %d\n", WTERMSIG(status));
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: pty_driver TRANSCRIPT PROGRAM [ARG...] < SCRIPT\n");
        return 2;
    }
    transcript = fopen(argv[1], "w");
    if (transcript == NULL) {
        perror(argv[1]);
        return 2;
    }
    struct winsize ws = {.ws_row = 24, .ws_col = 200};
    child = forkpty(&master, NULL, NULL, &ws);
    if (child < 0) {
        perror("forkpty");
        return 2;
    }
    if (child == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    char line[4096];
    int status = 0;
    while (status == 0 && fgets(line, sizeof line, stdin) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "send ", 5) == 0) {
            size_t n = unescape(line + 5);
            // Type slowly enough for readline to see separate keys.
            for (size_t i = 0; i < n; i++) {
                if (write(master, line + 5 + i, 1) != 1)
                    status = 1;
                pump(2);
            }
        } else if (strncmp(line, "expect ", 7) == 0) {
            size_t n = unescape(line + 7);
            status = expect(line + 7, n) < 0;
        } else if (strcmp(line, "wait") == 0) {
            status = wait_exit() < 0;
        } else if (line[0] != '#' && line[0] != '\0') {
            fprintf(stderr, "pty_driver: bad command: %s\n", line);
            status = 2;
        }
    }
    if (status != 0) {
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
    }
    fclose(transcript);
    return status;
}
