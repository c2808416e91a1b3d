window.TK_DATA.add("search/v-v_ae", {"terms":{"værksted":[12]},"words":{"værksted":["værkstedet",[1,1,10],[],[]]}});
