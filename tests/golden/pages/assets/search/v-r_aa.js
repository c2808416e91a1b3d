window.TK_DATA.add("search/v-r_aa", {"terms":{},"words":{"råd":["rådighed",[],[],[12]]}});
