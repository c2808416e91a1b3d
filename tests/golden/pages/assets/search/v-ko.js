window.TK_DATA.add("search/v-ko", {"terms":{"kommunal indsat":[8]},"words":{"kommun":["kommune",[0,10,1],[],[8]],"kommunal":["kommunal",[0,8],[],[]],"kontanthjælp":["kontanthjælp",[],[10],[]]}});
