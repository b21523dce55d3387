#!/usr/bin/env python3
# vim: set fileencoding=cp1252 :
# A cp1252 file: bytes 0x80-0x9f are the Windows letters, not controls.
print("€ “quoted” … ™", ascii("€–œ"))
