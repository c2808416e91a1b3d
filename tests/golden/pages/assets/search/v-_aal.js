window.TK_DATA.add("search/v-_aal", {"terms":{},"words":{"ålegård":["ålegården",[],[],[12]]}});
