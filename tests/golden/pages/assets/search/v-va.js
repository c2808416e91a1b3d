window.TK_DATA.add("search/v-va", {"terms":{"vaerksted":[12]},"words":{"vaerksted":["vaerkstedet",[1,1,10],[],[]]}});
