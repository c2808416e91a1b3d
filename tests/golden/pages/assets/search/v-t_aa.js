window.TK_DATA.add("search/v-t_aa", {"terms":{},"words":{"tålmod":["tålmodighed",[],[],[10]]}});
